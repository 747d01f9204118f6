namespace Warden.Bench.Engine;

/// <summary>What a running repetition reports about its last interval.</summary>
/// <param name="Stage">The stage the repetition is in.</param>
/// <param name="StageFraction">How far through warm-up plus measurement the repetition is, 0 to 1.</param>
/// <param name="RequestsPerSecond">Successful answers per second over the interval.</param>
/// <param name="P99Milliseconds">p99 over the interval, or null when nothing answered.</param>
/// <param name="Errors">Failures recorded so far.</param>
internal sealed record LiveSample(BenchStage Stage, double StageFraction, double RequestsPerSecond, double? P99Milliseconds, long Errors);
