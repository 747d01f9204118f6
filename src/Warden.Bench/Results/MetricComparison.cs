using Warden.Bench.Statistics;

namespace Warden.Bench.Results;

/// <summary>B/A for one metric, with its interval and verdict.</summary>
public sealed record MetricComparison
{
    /// <summary>The point estimate of B/A.</summary>
    public double Ratio { get; init; }

    /// <summary>Lower end of the 95% interval.</summary>
    public double Lower { get; init; }

    /// <summary>Upper end of the 95% interval (infinity when there is one repetition).</summary>
    public double Upper { get; init; }

    /// <summary>Repetitions (pairs) behind the interval.</summary>
    public int Samples { get; init; }

    /// <summary>The statistical method.</summary>
    public string Method { get; init; } = string.Empty;

    /// <summary>The verdict for this metric: Faster means better for B (more throughput, lower latency).</summary>
    public Verdict Verdict { get; init; }

    /// <summary>Builds the comparison from an estimate.</summary>
    public static MetricComparison From(RatioEstimate estimate, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new MetricComparison
        {
            Ratio = estimate.Ratio,
            Lower = estimate.Lower,
            Upper = estimate.Upper,
            Samples = estimate.Samples,
            Method = estimate.Method,
            Verdict = verdict,
        };
    }
}
