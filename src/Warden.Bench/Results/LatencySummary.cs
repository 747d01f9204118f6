using HdrHistogram;

namespace Warden.Bench.Results;

/// <summary>Percentiles of a latency histogram, in milliseconds.</summary>
public sealed record LatencySummary
{
    /// <summary>Answers in the histogram.</summary>
    public long Count { get; init; }

    /// <summary>Median.</summary>
    public double P50 { get; init; }

    /// <summary>90th percentile.</summary>
    public double P90 { get; init; }

    /// <summary>99th percentile.</summary>
    public double P99 { get; init; }

    /// <summary>99.9th percentile.</summary>
    public double P999 { get; init; }

    /// <summary>The largest latency.</summary>
    public double Max { get; init; }

    /// <summary>The mean.</summary>
    public double Mean { get; init; }

    /// <summary>Summarises a histogram recorded in microseconds.</summary>
    public static LatencySummary From(HistogramBase micros)
    {
        ArgumentNullException.ThrowIfNull(micros);
        if (micros.TotalCount == 0)
        {
            return new LatencySummary();
        }

        return new LatencySummary
        {
            Count = micros.TotalCount,
            P50 = micros.GetValueAtPercentile(50) / 1000.0,
            P90 = micros.GetValueAtPercentile(90) / 1000.0,
            P99 = micros.GetValueAtPercentile(99) / 1000.0,
            P999 = micros.GetValueAtPercentile(99.9) / 1000.0,
            Max = micros.GetMaxValue() / 1000.0,
            Mean = micros.GetMean() / 1000.0,
        };
    }
}
