namespace Warden.Bench.Statistics;

/// <summary>Which way is better for a metric.</summary>
public enum MetricDirection
{
    /// <summary>More is better (throughput).</summary>
    HigherIsBetter,

    /// <summary>Less is better (latency).</summary>
    LowerIsBetter,
}
