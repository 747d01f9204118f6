namespace Warden.Bench.Results;

/// <summary>Every repetition of one target at one level, and their summary.</summary>
public sealed record TargetRun
{
    /// <summary>The target's label: A or B.</summary>
    public string Label { get; init; } = "A";

    /// <summary>The repetitions, in the order they ran.</summary>
    public IReadOnlyList<RepetitionResult> Repetitions { get; init; } = [];

    /// <summary>Median throughput over the repetitions, requests per second.</summary>
    public double Throughput { get; init; }

    /// <summary>Percentiles of all repetitions' histograms merged (exact: histograms add).</summary>
    public LatencySummary Latency { get; init; } = new();

    /// <summary>Median over the repetitions of each repetition's p99, in milliseconds: the figure the verdict compares.</summary>
    public double P99 { get; init; }

    /// <summary>Failures by kind, summed over the repetitions.</summary>
    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();

    /// <summary>True when the generator was the bottleneck in any repetition.</summary>
    public bool GeneratorSaturated { get; init; }
}
