namespace Warden.Testing;

/// <summary>Bounds for <see cref="CancellationAssert"/>.</summary>
public sealed class CancellationAssertOptions
{
    /// <summary>The default options.</summary>
    public static CancellationAssertOptions Default { get; } = new();

    /// <summary>How long the operation may take to end once cancelled. Default 5 s.</summary>
    public TimeSpan EndWithin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for the cancellation point to be reached. Default 30 s.</summary>
    public TimeSpan ReachTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The clock for both bounds and for <see cref="CancellationPoint.After"/> without a clock. Default <see langword="null"/>:
    /// the loop's virtual clock inside <see cref="AsyncTest"/>, the system clock elsewhere.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }
}
