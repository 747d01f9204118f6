using Warden.Bench.Statistics;

namespace Warden.Bench.Results;

/// <summary>The verdict on B against A at one level.</summary>
public sealed record Comparison
{
    /// <summary>The overall verdict.</summary>
    public Verdict Verdict { get; init; }

    /// <summary>Throughput B/A.</summary>
    public MetricComparison Throughput { get; init; } = new();

    /// <summary>p99 latency B/A (below 1 is better for B).</summary>
    public MetricComparison P99 { get; init; } = new();

    /// <summary>The verdict in the playbook's words, for example "B gains 16% throughput and loses 17% p99".</summary>
    public string Sentence { get; init; } = string.Empty;

    /// <summary>Why the verdict is what it is, when that is not obvious (a trade-off, too few repetitions, a saturated generator).</summary>
    public string? Reason { get; init; }
}
