namespace Warden.Bench.Results;

/// <summary>How the load generator itself fared during a repetition, and whether it was the bottleneck.</summary>
public sealed record GeneratorHealth
{
    /// <summary>CPU used by the generator's process, as a fraction of all cores (includes an in-process target).</summary>
    public double ProcessCpu { get; init; }

    /// <summary>CPU used by the whole machine, as a fraction of all cores, where known.</summary>
    public double? MachineCpu { get; init; }

    /// <summary>p99 of the time a work item waited for a thread-pool thread, in milliseconds.</summary>
    public double PoolLagP99Ms { get; init; }

    /// <summary>The longest such wait, in milliseconds.</summary>
    public double PoolLagMaxMs { get; init; }

    /// <summary>Open model: p99 of how late sends left against their schedule, in milliseconds.</summary>
    public double? ScheduleLagP99Ms { get; init; }

    /// <summary>Open model: requests sent divided by requests the schedule called for.</summary>
    public double? SendRatio { get; init; }

    /// <summary>True when the generator, not the target, limited the run: no verdict is given.</summary>
    public bool Saturated { get; init; }

    /// <summary>Why the generator was judged the bottleneck.</summary>
    public string? Reason { get; init; }
}
