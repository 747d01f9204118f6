namespace Warden.Bench.Engine;

/// <summary>The arrival rate above which the open model refuses to start.</summary>
public static class OpenLoadLimit
{
    /// <summary>
    /// A sanity bound, not a measured capacity: one send every 5 µs from a single scheduler loop. Rates below it
    /// that the machine still cannot keep are caught during the run (late or dropped sends mark the generator
    /// as the bottleneck).
    /// </summary>
    public const double MaxRatePerSecond = 200_000;
}
