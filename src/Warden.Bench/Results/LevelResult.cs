namespace Warden.Bench.Results;

/// <summary>Everything measured at one load level.</summary>
public sealed record LevelResult
{
    /// <summary>The level: concurrent users (closed, ramp) or requests per second (open).</summary>
    public double Load { get; init; }

    /// <summary>The unit of <see cref="Load"/>: <c>users</c> or <c>req/s</c>.</summary>
    public string Unit { get; init; } = "users";

    /// <summary>One entry per target (A, then B).</summary>
    public IReadOnlyList<TargetRun> Runs { get; init; } = [];

    /// <summary>B against A, when there are two targets.</summary>
    public Comparison? Comparison { get; init; }
}
