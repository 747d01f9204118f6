namespace Warden.Testing;

/// <summary>How <see cref="Eventually"/> polls. Defaults: first retry after 5 ms, doubling up to 250 ms, on the system clock.</summary>
public sealed class EventuallyOptions
{
    /// <summary>The default options.</summary>
    public static EventuallyOptions Default { get; } = new();

    /// <summary>The wait before the first retry. Default 5 ms.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The longest wait between two polls; the delay doubles until it reaches this. Default 250 ms.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The clock for delays and the timeout; a fake clock makes the polling itself deterministic. Default
    /// <see langword="null"/>: the loop's virtual clock inside <see cref="AsyncTest"/>, the system clock elsewhere.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InitialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, InitialDelay);
    }
}
