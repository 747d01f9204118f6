namespace Warden.Bench.Engine;

/// <summary>What the generator saw of itself during a repetition.</summary>
/// <param name="ProcessCpu">CPU used by this process as a fraction of all cores (0 to 1).</param>
/// <param name="MachineCpu">CPU used by the whole machine as a fraction of all cores, or null where unknown.</param>
/// <param name="PoolLagP99Milliseconds">p99 of how long a work item waited for a thread-pool thread.</param>
/// <param name="PoolLagMaxMilliseconds">The longest such wait.</param>
public sealed record GeneratorSample(double ProcessCpu, double? MachineCpu, double PoolLagP99Milliseconds, double PoolLagMaxMilliseconds);
