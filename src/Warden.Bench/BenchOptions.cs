using Warden.Bench.Engine;

namespace Warden.Bench;

/// <summary>
/// The immutable configuration of a run. Defaults suit a quick A/B on one machine; <see cref="Validate"/>
/// fails fast on values that cannot produce a meaningful result.
/// </summary>
public sealed record BenchOptions
{
    /// <summary>The load model and levels. Default: closed model at 10 users.</summary>
    public LoadModel Load { get; init; } = LoadModel.Closed(10);

    /// <summary>How long each repetition is measured. Default 5 s.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each repetition runs before measurement starts; those requests are discarded. Default 1 s.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Repetitions per target and level; each is one statistical unit. Default 5 (2 is the minimum for a verdict).</summary>
    public int Repetitions { get; init; } = 5;

    /// <summary>A request that takes longer is cancelled and counted as a <c>timeout</c>, never as latency. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The smallest relative difference that matters (0.05 = 5%). A ratio whose whole confidence interval lies
    /// within this band is called Same. Default 5%.
    /// </summary>
    public double Threshold { get; init; } = 0.05;

    /// <summary>Latency differences smaller than this are noise whatever the ratio says (timer resolution). Default 1 ms.</summary>
    public TimeSpan LatencyNoiseFloor { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Open model: the most requests in flight at once; a send beyond it is dropped and counted. Default 10,000.</summary>
    public int MaxInFlight { get; init; } = 10_000;

    /// <summary>The clock. Tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Watches the generator itself (CPU, pool lag). Default: <see cref="ProcessGeneratorProbe"/>.</summary>
    public IGeneratorProbe? GeneratorProbe { get; init; }

    /// <summary>Receives live snapshots (about twice a second) for a progress view.</summary>
    public IProgress<BenchProgress>? Progress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> when a value cannot produce a meaningful run.</summary>
    public void Validate()
    {
        if (Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Duration must be positive, got {Duration}.", nameof(Duration));
        }

        if (Warmup < TimeSpan.Zero)
        {
            throw new ArgumentException($"Warmup must be zero or positive, got {Warmup}.", nameof(Warmup));
        }

        if (Repetitions < 1)
        {
            throw new ArgumentException($"Repetitions must be 1 or more, got {Repetitions}.", nameof(Repetitions));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Timeout must be positive, got {Timeout}.", nameof(Timeout));
        }

        if (!(Threshold > 0 && Threshold < 1))
        {
            throw new ArgumentException($"Threshold must be between 0 and 1 (0.05 = 5%), got {Threshold}.", nameof(Threshold));
        }

        if (MaxInFlight < 1)
        {
            throw new ArgumentException($"MaxInFlight must be 1 or more, got {MaxInFlight}.", nameof(MaxInFlight));
        }

        if (Load.Kind == LoadModelKind.Open && Load.Levels.Max() > OpenLoadLimit.MaxRatePerSecond)
        {
            throw new ArgumentException(
                $"A rate of {Load.Levels.Max():N0}/s is beyond what this generator can schedule (at most {OpenLoadLimit.MaxRatePerSecond:N0}/s per process); lower the rate or split it across generators.",
                nameof(Load));
        }
    }
}
