using System.Globalization;
using Warden.Bench.Results;

namespace Warden.Bench.Statistics;

/// <summary>Puts a comparison in the playbook's words: "B gains 16% throughput and loses 17% p99".</summary>
public static class VerdictText
{
    /// <summary>The sentence for a throughput ratio and a p99 ratio (both B/A).</summary>
    public static string Sentence(string b, double throughputRatio, double p99Ratio)
    {
        var throughput = throughputRatio >= 1 ? $"gains {Percent(throughputRatio - 1)} throughput" : $"loses {Percent(1 - throughputRatio)} throughput";

        // Lower latency is a gain: p99 ratio 0.8 "gains 20% p99", 1.17 "loses 17% p99".
        var p99 = p99Ratio <= 1 ? $"gains {Percent(1 - p99Ratio)} p99" : $"loses {Percent(p99Ratio - 1)} p99";
        return $"{b} {throughput} and {p99}";
    }

    /// <summary>A ratio and its interval, for example "x1.16 [1.09, 1.23]".</summary>
    public static string Interval(MetricComparison metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var upper = double.IsPositiveInfinity(metric.Upper) ? "inf" : metric.Upper.ToString("0.00", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"x{metric.Ratio:0.00} [{metric.Lower:0.00}, {upper}]");
    }

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(fraction * 100):0}%");
}
