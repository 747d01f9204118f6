using System.Globalization;
using System.Text.RegularExpressions;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary>Parses the values of bench options (durations, rates, percentages, lists, ranges) with messages that say what to type.</summary>
internal static partial class BenchValueParser
{
    /// <summary>"10s", "500ms", "5m", "1m30s", "2h".</summary>
    public static TimeSpan Duration(string option, string text)
    {
        var matches = DurationPart().Matches(text.Trim());
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text.Trim())
        {
            throw new CliUsageException($"{option} '{text}' is not a duration; write it like 500ms, 10s, 5m or 1m30s.");
        }

        var total = TimeSpan.Zero;
        foreach (Match match in matches)
        {
            var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            total += match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromHours(value),
            };
        }

        return total;
    }

    /// <summary>"500/s", "500", "30000/m".</summary>
    public static double Rate(string text)
    {
        var match = RatePattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new CliUsageException($"--rate '{text}' is not a rate; write it like 500/s (requests per second) or 30000/m.");
        }

        return match.Groups[2].Value == "m" ? value / 60 : value;
    }

    /// <summary>"5%" or "0.05".</summary>
    public static double Fraction(string option, string text)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        if (!double.TryParse(percent ? trimmed[..^1] : trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new CliUsageException($"{option} '{text}' is not a percentage; write it like 5%.");
        }

        var fraction = percent ? value / 100 : value;
        return fraction is > 0 and < 1 ? fraction : throw new CliUsageException($"{option} '{text}' must be between 0% and 100%, for example 5%.");
    }

    /// <summary>"10,100,1000".</summary>
    public static int[] Concurrency(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] < 1 || values[i] > 100_000)
            {
                throw new CliUsageException($"--concurrency '{text}' must be a comma-separated list of user counts from 1 to 100000, like 10,100,1000.");
            }
        }

        return values.Length > 0 ? values : throw new CliUsageException("--concurrency needs at least one user count, like 10,100,1000.");
    }

    /// <summary>"10..10000".</summary>
    public static (int From, int To) Range(string text)
    {
        var match = RangePattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new CliUsageException($"--ramp '{text}' is not a range; write it like 10..10000 (from 10 to 10,000 users).");
        }

        var from = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var to = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return from >= 1 && to > from && to <= 100_000 ? (from, to) : throw new CliUsageException($"--ramp '{text}' needs 1 <= FROM < TO <= 100000.");
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex DurationPart();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(?:/\s*(s|m))?$")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^(\d+)\.\.(\d+)$")]
    private static partial Regex RangePattern();
}
