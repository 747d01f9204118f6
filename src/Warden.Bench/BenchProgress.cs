namespace Warden.Bench;

/// <summary>A live snapshot of a run, for a progress view. Figures cover the last reporting interval.</summary>
/// <param name="Target">The target being measured.</param>
/// <param name="Load">The current level: users, or requests per second.</param>
/// <param name="Repetition">The repetition, counted from 1.</param>
/// <param name="Repetitions">Repetitions per level.</param>
/// <param name="Stage">Which stage the repetition is in.</param>
/// <param name="Fraction">How much of the whole run is done, 0 to 1.</param>
/// <param name="RequestsPerSecond">Successful requests per second over the last interval.</param>
/// <param name="P99Milliseconds">p99 latency over the last interval, or null before the first answer.</param>
/// <param name="Errors">Failures so far in this repetition.</param>
public sealed record BenchProgress(
    string Target,
    double Load,
    int Repetition,
    int Repetitions,
    BenchStage Stage,
    double Fraction,
    double RequestsPerSecond,
    double? P99Milliseconds,
    long Errors);
