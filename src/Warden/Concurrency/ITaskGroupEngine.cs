using Warden.Diagnostics;

namespace Warden;

/// <summary>What the helpers of a group (queued children) need from the group engine, whatever its result type.</summary>
internal interface ITaskGroupEngine
{
    CancellationToken Token { get; }

    /// <summary>Starts a child that already holds a slot and a count, and tracks it.</summary>
    Task StartWithSlot<T>(Func<CancellationToken, Task> work, string? name, bool typed);

    /// <summary>Looks at every child of this group that waits in the thread's <see cref="DeferredChildren"/> ring.</summary>
    /// <param name="thread">The thread whose ring it is (a frame of this group is on its stack).</param>
    void FlushDeferred(GroupThreadState thread);

    /// <summary>
    /// The watchdog found a failed child in a ring whose thread has stalled: record the failure now (once), unless the
    /// ring changed since the watchdog read it.
    /// </summary>
    /// <param name="ring">The ring.</param>
    /// <param name="version">The ring's version when the watchdog read the child.</param>
    /// <param name="child">The failed child.</param>
    void ReportStalledFailure(DeferredChildren ring, int version, DeferredChild child);

    /// <summary>Gives back a count taken for a child that will never start.</summary>
    void ReleaseCount();

    /// <summary>An asynchronous child watched by a <see cref="ChildObserver"/> has ended: record it and release what it held.</summary>
    /// <param name="thread">The completing thread's state (its registry counters).</param>
    /// <param name="task">The child's completed task.</param>
    /// <param name="name">The child's name.</param>
    /// <param name="holdsSlot">Whether it holds a concurrency slot.</param>
    /// <param name="handle">Its registry entry.</param>
    /// <param name="metered">Whether it was counted in the in-flight metric.</param>
    void ObservedChildEnded(GroupThreadState thread, Task task, string? name, bool holdsSlot, TrackedWorkHandle handle, bool metered);
}
