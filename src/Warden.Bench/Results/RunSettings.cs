namespace Warden.Bench.Results;

/// <summary>The settings a result was produced with.</summary>
public sealed record RunSettings
{
    /// <summary>Measurement window per repetition, seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Warm-up per repetition, seconds.</summary>
    public double WarmupSeconds { get; init; }

    /// <summary>Repetitions per target and level.</summary>
    public int Repetitions { get; init; }

    /// <summary>Request timeout, seconds.</summary>
    public double TimeoutSeconds { get; init; }

    /// <summary>The smallest relative difference that counts (0.05 = 5%).</summary>
    public double Threshold { get; init; }

    /// <summary>Ramp: the p99 objective, in milliseconds.</summary>
    public double? SloMs { get; init; }
}
