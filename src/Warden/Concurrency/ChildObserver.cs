using Warden.Diagnostics;

namespace Warden;

/// <summary>
/// Watches one asynchronous child for its group. It is a plain continuation on the child's task, not an async
/// method: no state machine box, no task of its own to complete, and no execution context captured unless user code
/// runs in it. After reporting, it goes back to a pool, so a steady stream of children reuses observers (and their
/// cached delegates) instead of allocating two objects each (measured: <c>benchmarks/results/taskgroup-perchild.md</c>).
/// </summary>
/// <remarks>The pool is <see cref="ChildObserverPool"/>.</remarks>
internal sealed class ChildObserver
{
    private readonly Action _onCompleted;
    private ITaskGroupEngine? _owner;
    private Task? _task;
    private string? _name;
    private bool _holdsSlot;
    private TrackedWorkHandle _handle;
    private bool _metered;

    private ChildObserver() => _onCompleted = OnCompleted;

    /// <summary>Calls <see cref="ITaskGroupEngine.ObservedChildEnded"/> once <paramref name="task"/> has completed.</summary>
    /// <param name="owner">The group.</param>
    /// <param name="thread">The calling thread's state, which holds its free observers.</param>
    /// <param name="task">The child's task, not yet completed (a race to completion is fine).</param>
    /// <param name="name">The child's name, for failure reports.</param>
    /// <param name="holdsSlot">Whether the child holds a concurrency slot to give back.</param>
    /// <param name="handle">The child's registry entry, handed back with the end.</param>
    /// <param name="metered">Whether the child was counted in the in-flight metric.</param>
    /// <param name="flowContext">
    /// Whether the report must run in the spawner's execution context (it calls user code: a supervisor's fault
    /// handler); otherwise the cheaper unflowed continuation is used.
    /// </param>
    public static void Watch(ITaskGroupEngine owner, GroupThreadState thread, Task task, string? name, bool holdsSlot, TrackedWorkHandle handle, bool metered, bool flowContext)
    {
        var observer = ChildObserverPool.TryRent(thread) ?? new ChildObserver();
        observer._owner = owner;
        observer._task = task;
        if (name is not null)
        {
            // Pooled observers hold no name (OnCompleted clears it): skip the write, and its write barrier, when unnamed.
            observer._name = name;
        }
        observer._holdsSlot = holdsSlot;
        observer._handle = handle;
        observer._metered = metered;
        var awaiter = task.ConfigureAwait(false).GetAwaiter();
        if (flowContext)
        {
            awaiter.OnCompleted(observer._onCompleted);
        }
        else
        {
            awaiter.UnsafeOnCompleted(observer._onCompleted);
        }
    }

    private void OnCompleted()
    {
        // Copy and clear first: once back in the pool this observer may watch another child on this thread.
        var owner = _owner!;
        var task = _task!;
        var name = _name;
        var holdsSlot = _holdsSlot;
        var handle = _handle;
        var metered = _metered;
        _owner = null;
        _task = null;
        _name = null;
        _handle = default;
        var thread = GroupThreadState.Current;
        ChildObserverPool.Return(thread, this);

        owner.ObservedChildEnded(thread, task, name, holdsSlot, handle, metered);
    }
}
