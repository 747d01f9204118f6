using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Warden.Cli.Audit;

/// <summary>
/// Findings accepted as known, so CI fails only on new ones. A finding is identified by its rule, its file
/// and a hash of its source line with whitespace trimmed, not by its line number: adding code above a
/// known finding does not make it new. Identical fingerprints are counted, so a second copy of a known
/// finding in the same file is new.
/// </summary>
internal sealed class Baseline
{
    /// <summary>The format version written to and required in baseline files.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly Dictionary<string, int> _counts;

    private Baseline(Dictionary<string, int> counts)
    {
        _counts = counts;
    }

    /// <summary>How many findings the baseline accepts.</summary>
    public int Count => _counts.Values.Sum();

    /// <summary>The fingerprint of a finding: rule, path and the hash of its trimmed source line.</summary>
    public static string Fingerprint(Finding finding)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(finding.SourceLine.Trim()));
        return $"{finding.RuleId}|{finding.Path}|{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }

    /// <summary>A baseline accepting exactly <paramref name="findings"/>.</summary>
    public static Baseline From(IEnumerable<Finding> findings) =>
        new(findings.GroupBy(Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    /// <summary>Parses a baseline file's text; throws <see cref="FormatException"/> with what is wrong.</summary>
    public static Baseline Parse(string json)
    {
        BaselineDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<BaselineDocument>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not a warden baseline (invalid JSON: {ex.Message})", ex);
        }

        if (document?.Version != FormatVersion || document.Findings is null)
        {
            throw new FormatException($"not a warden baseline of version {FormatVersion}");
        }

        return new Baseline(document.Findings
            .GroupBy(f => f.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(f => Math.Max(1, f.Count)), StringComparer.Ordinal));
    }

    /// <summary>The baseline file's JSON: sorted, so it diffs well in review.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new BaselineDocument(FormatVersion, [.. _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new BaselineEntry(c.Key, c.Value))]),
        JsonOptions);

    /// <summary>Splits findings into new ones and ones the baseline accepts (each accepted at most its count).</summary>
    public (IReadOnlyList<Finding> New, int Known) Filter(IEnumerable<Finding> findings)
    {
        var remaining = new Dictionary<string, int>(_counts, StringComparer.Ordinal);
        var fresh = new List<Finding>();
        var known = 0;
        foreach (var finding in findings)
        {
            var fingerprint = Fingerprint(finding);
            if (remaining.TryGetValue(fingerprint, out var left) && left > 0)
            {
                remaining[fingerprint] = left - 1;
                known++;
            }
            else
            {
                fresh.Add(finding);
            }
        }

        return (fresh, known);
    }
}
