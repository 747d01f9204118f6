namespace Warden;

/// <summary>What <see cref="BackgroundTasks.TryStart"/> does when <see cref="BackgroundTasksOptions.MaxRunning"/> tasks already run.</summary>
public enum BackgroundTasksFullMode
{
    /// <summary>Refuse the work: <c>TryStart</c> returns <see langword="false"/> (the default).</summary>
    Reject,

    /// <summary>Queue the delegate (not a task) and start it when a running task ends, up to <see cref="BackgroundTasksOptions.MaxQueued"/>.</summary>
    Queue,
}
