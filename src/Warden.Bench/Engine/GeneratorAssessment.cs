using Warden.Bench.Results;

namespace Warden.Bench.Engine;

/// <summary>
/// Decides whether the generator, not the target, limited a repetition. The generator is the bottleneck when
/// it ran out of CPU and its own work waited (pool lag p99 at least 5 ms and at least 10% of the measured p99,
/// so the measurement error exceeds the default threshold), or, in the open model, when it could not keep its
/// schedule (sends dropped, fewer than 95% of the scheduled sends, or sends late by more than 10 ms at p99),
/// or when requests outlived their timeout so long that the repetition had to abandon them.
/// </summary>
public static class GeneratorAssessment
{
    /// <summary>Process CPU (fraction of all cores) at which the generator counts as out of CPU.</summary>
    public const double ProcessCpuLimit = 0.90;

    /// <summary>Machine CPU at which the generator counts as starved by others on the machine.</summary>
    public const double MachineCpuLimit = 0.97;

    /// <summary>Pool lag p99 below this never marks the generator, whatever the latency.</summary>
    public const double PoolLagFloorMs = 5;

    /// <summary>Pool lag p99 as a fraction of the measured p99 beyond which measurements are distorted.</summary>
    public const double PoolLagFraction = 0.10;

    /// <summary>Open model: p99 schedule lag beyond which sends are too late.</summary>
    public const double ScheduleLagLimitMs = 10;

    /// <summary>Open model: the share of scheduled sends below which the rate was not reached.</summary>
    public const double MinSendRatio = 0.95;

    /// <summary>Assesses one repetition.</summary>
    internal static GeneratorHealth Assess(RepetitionMeasurement measurement, LatencySummary latency, LoadModelKind model)
    {
        var sample = measurement.Generator;
        double? scheduleLag = null;
        double? sendRatio = null;
        var reasons = new List<string>();
        if (model == LoadModelKind.Open)
        {
            scheduleLag = measurement.ScheduleLagMicros is { TotalCount: > 0 } lag ? lag.GetValueAtPercentile(99) / 1000.0 : 0;
            sendRatio = measurement.Expected == 0 ? 1 : (double)measurement.Sent / measurement.Expected;
            if (measurement.Dropped > 0)
            {
                reasons.Add($"{measurement.Dropped:N0} sends dropped because the in-flight limit was reached");
            }

            if (sendRatio < MinSendRatio)
            {
                reasons.Add($"it sent only {sendRatio * 100:0}% of the scheduled requests");
            }

            if (scheduleLag > ScheduleLagLimitMs)
            {
                reasons.Add($"sends left late (p99 {scheduleLag:0.#} ms behind schedule)");
            }
        }

        if (measurement.Abandoned > 0)
        {
            reasons.Add($"{measurement.Abandoned:N0} requests were still running long after their timeout (the target ignores cancellation, or this process's thread pool was too starved to run the generator's timers)");
        }

        var outOfCpu = sample.ProcessCpu >= ProcessCpuLimit || sample.MachineCpu >= MachineCpuLimit;
        var lagLimit = Math.Max(PoolLagFloorMs, PoolLagFraction * latency.P99);
        if (outOfCpu && sample.PoolLagP99Milliseconds >= lagLimit)
        {
            var cpu = sample.ProcessCpu >= ProcessCpuLimit ? $"process CPU {sample.ProcessCpu * 100:0}%" : $"machine CPU {sample.MachineCpu * 100:0}%";
            reasons.Add($"{cpu} and its thread-pool work waited p99 {sample.PoolLagP99Milliseconds:0.#} ms (limit {lagLimit:0.#} ms)");
        }

        return new GeneratorHealth
        {
            ProcessCpu = sample.ProcessCpu,
            MachineCpu = sample.MachineCpu,
            PoolLagP99Ms = sample.PoolLagP99Milliseconds,
            PoolLagMaxMs = sample.PoolLagMaxMilliseconds,
            ScheduleLagP99Ms = scheduleLag,
            SendRatio = sendRatio,
            Saturated = reasons.Count > 0,
            Reason = reasons.Count > 0 ? "the generator was the bottleneck: " + string.Join("; ", reasons) : null,
        };
    }
}
