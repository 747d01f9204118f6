namespace Warden.Bench.Results;

/// <summary>A target as the result file names it.</summary>
public sealed record TargetInfo
{
    /// <summary>A or B.</summary>
    public string Label { get; init; } = "A";

    /// <summary>The short name (for example <c>sync</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>What it is (a URL, a delegate).</summary>
    public string Description { get; init; } = string.Empty;
}
