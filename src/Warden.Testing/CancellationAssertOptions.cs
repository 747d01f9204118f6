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

    /// <summary>The clock for both bounds. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
