namespace Warden;

/// <summary>Settings of a <see cref="BackgroundTasks"/> owner. Invalid values throw when the owner is created.</summary>
public sealed record BackgroundTasksOptions
{
    /// <summary>The name of this owner in logs, metrics and the work registry. Default "background".</summary>
    public string Name { get; init; } = "background";

    /// <summary>How many tasks may run at once (at least 1). Default 1024.</summary>
    public int MaxRunning { get; init; } = 1024;

    /// <summary>What happens to work offered while <see cref="MaxRunning"/> tasks run. Default <see cref="BackgroundTasksFullMode.Reject"/>.</summary>
    public BackgroundTasksFullMode WhenFull { get; init; } = BackgroundTasksFullMode.Reject;

    /// <summary>How many delegates may wait with <see cref="BackgroundTasksFullMode.Queue"/> (at least 0). Default 10,000.</summary>
    public int MaxQueued { get; init; } = 10_000;

    /// <summary>The grace <see cref="BackgroundTasks.DisposeAsync"/> gives running work before cancelling it. Default zero.</summary>
    public TimeSpan DisposeGrace { get; init; } = TimeSpan.Zero;

    /// <summary>The clock used for drain grace periods. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRunning, 1, nameof(MaxRunning));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxQueued, nameof(MaxQueued));
        ArgumentOutOfRangeException.ThrowIfLessThan(DisposeGrace, TimeSpan.Zero, nameof(DisposeGrace));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
