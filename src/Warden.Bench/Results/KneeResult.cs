namespace Warden.Bench.Results;

/// <summary>Ramp only: where a target stopped scaling.</summary>
public sealed record KneeResult
{
    /// <summary>A or B.</summary>
    public string Label { get; init; } = "A";

    /// <summary>The last level that still met the objective and scaled, or null when the first step already failed.</summary>
    public double? LastGoodUsers { get; init; }

    /// <summary>The level where it broke, or null when it never did within the ramp.</summary>
    public double? BrokeAtUsers { get; init; }

    /// <summary>The steps that were not judged because the generator, not the target, was the bottleneck there.</summary>
    public IReadOnlyList<double> GeneratorBoundUsers { get; init; } = [];

    /// <summary>What happened, in words.</summary>
    public string Description { get; init; } = string.Empty;
}
