namespace Warden.Bench.Engine;

/// <summary>
/// Watches this process: CPU time used against wall time and cores, the machine's CPU (Linux /proc/stat),
/// and thread-pool lag, measured by queueing a probe work item every 50 ms and timing how long it waits.
/// The probe uses real time on purpose: it measures the real machine, not the run's clock.
/// </summary>
public sealed class ProcessGeneratorProbe : IGeneratorProbe
{
    /// <summary>How often the pool-lag probe fires.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);

    /// <inheritdoc />
    public IGeneratorSession Start() => new ProcessGeneratorSession(ProbeInterval);
}
