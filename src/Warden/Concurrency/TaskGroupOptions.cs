namespace Warden;

/// <summary>Settings of one task group. Invalid values throw <see cref="ArgumentException"/> naming the option when the group starts.</summary>
public sealed record TaskGroupOptions
{
    /// <summary>Shared defaults.</summary>
    internal static readonly TaskGroupOptions Default = new();

    /// <summary>What a child's failure does. Default <see cref="FailureMode.FailFast"/>.</summary>
    public FailureMode Mode { get; init; } = FailureMode.FailFast;

    /// <summary>How errors are reported. Default <see cref="ErrorMode.Aggregate"/>.</summary>
    public ErrorMode Errors { get; init; } = ErrorMode.Aggregate;

    /// <summary>
    /// How many children may run at once (at least 1). <c>Spawn</c> at the limit queues the delegate (no task exists
    /// until a slot frees); <c>SpawnAsync</c> waits for a slot. Default unlimited.
    /// </summary>
    public int MaxConcurrency { get; init; } = int.MaxValue;

    /// <summary>Cancels the group when it elapses; the group then fails with <see cref="TimeoutException"/> unless errors or an outer cancellation win.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The group's name in metrics, logs and the work registry. Default: the calling member's name.</summary>
    public string? Name { get; init; }

    /// <summary>The clock for <see cref="Timeout"/> and <see cref="ITaskGroup.Shield"/>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where children start running. Default <see cref="StartMode.Inline"/>.</summary>
    public StartMode Start { get; init; } = StartMode.Inline;

    /// <summary>In <see cref="FailureMode.Supervisor"/> mode, receives each child failure instead of the join. An exception it throws is recorded as a failure.</summary>
    public Action<TaskGroupChildFault>? OnChildFault { get; init; }

    /// <summary>
    /// Marks exceptions that must propagate bare (the C# analogue of Python's <c>KeyboardInterrupt</c>): the group
    /// cancels, waits, then rethrows that exception alone; the other errors go to <see cref="TaskGroup.UnobservedException"/>.
    /// Default none.
    /// </summary>
    public Func<Exception, bool>? IsCritical { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "Timeout must be positive (or Timeout.InfiniteTimeSpan / null for none).");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown failure mode.");
        }

        if (!Enum.IsDefined(Errors))
        {
            throw new ArgumentOutOfRangeException(nameof(Errors), Errors, "Unknown error mode.");
        }

        if (!Enum.IsDefined(Start))
        {
            throw new ArgumentOutOfRangeException(nameof(Start), Start, "Unknown start mode.");
        }
    }
}
