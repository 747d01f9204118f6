using Warden.Diagnostics;

namespace Warden;

/// <summary>
/// Watches one asynchronous child for its group. It is a plain continuation on the child's task, not an async
/// method: no state machine box, no task of its own to complete, and no execution context captured unless user code
/// runs in it. After reporting, it goes back to a pool, so a steady stream of children reuses observers (and their
/// cached delegates) instead of allocating two objects each (measured: <c>benchmarks/results/taskgroup-perchild.md</c>).
/// </summary>
/// <remarks>
/// The pool is per thread, with whole batches moved through a small shared stack. Children are often spawned on one
/// thread and complete on others (a request thread spawns, pool threads resume), so a purely per-thread pool would
/// fill on the completing threads and stay empty on the spawning one. Moving a batch costs one lock per
/// <see cref="BatchSize"/> observers, so the per-child path touches only thread-local state.
/// </remarks>
internal sealed class ChildObserver
{
    private const int BatchSize = 64;
    private const int MaxSharedBatches = 32;

    private static readonly Lock s_sharedLock = new();
    private static ChildObserver? s_sharedBatches;
    private static int s_sharedBatchCount;

    [ThreadStatic]
    private static ChildObserver? t_free;

    [ThreadStatic]
    private static int t_freeCount;

    private readonly Action _onCompleted;
    private ChildObserver? _next;
    private ChildObserver? _nextBatch;
    private ITaskGroupEngine? _owner;
    private Task? _task;
    private string? _name;
    private bool _holdsSlot;
    private TrackedWorkHandle _handle;
    private bool _metered;

    private ChildObserver() => _onCompleted = OnCompleted;

    /// <summary>Calls <see cref="ITaskGroupEngine.ObservedChildEnded"/> once <paramref name="task"/> has completed.</summary>
    /// <param name="owner">The group.</param>
    /// <param name="task">The child's task, not yet completed (a race to completion is fine).</param>
    /// <param name="name">The child's name, for failure reports.</param>
    /// <param name="holdsSlot">Whether the child holds a concurrency slot to give back.</param>
    /// <param name="handle">The child's registry entry, handed back with the end.</param>
    /// <param name="metered">Whether the child was counted in the in-flight metric.</param>
    /// <param name="flowContext">
    /// Whether the report must run in the spawner's execution context (it calls user code: a supervisor's fault
    /// handler); otherwise the cheaper unflowed continuation is used.
    /// </param>
    public static void Watch(ITaskGroupEngine owner, Task task, string? name, bool holdsSlot, TrackedWorkHandle handle, bool metered, bool flowContext)
    {
        var observer = Rent();
        observer._owner = owner;
        observer._task = task;
        observer._name = name;
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

    private static ChildObserver Rent()
    {
        var observer = t_free ?? TakeSharedBatch();
        if (observer is null)
        {
            return new ChildObserver();
        }

        t_free = observer._next;
        t_freeCount--;
        observer._next = null;
        return observer;
    }

    /// <summary>Makes a batch from the shared stack this thread's free list, or returns null when there is none.</summary>
    private static ChildObserver? TakeSharedBatch()
    {
        if (Volatile.Read(ref s_sharedBatchCount) == 0)
        {
            return null;
        }

        ChildObserver? batch;
        lock (s_sharedLock)
        {
            batch = s_sharedBatches;
            if (batch is null)
            {
                return null;
            }

            s_sharedBatches = batch._nextBatch;
            batch._nextBatch = null;
            s_sharedBatchCount--;
        }

        t_free = batch;
        t_freeCount = BatchSize;
        return batch;
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
        Return();

        owner.ObservedChildEnded(task, name, holdsSlot, handle, metered);
    }

    private void Return()
    {
        if (t_freeCount == BatchSize)
        {
            // This thread's list is a full batch: hand it to the shared stack (or drop it when that is full) and start
            // a new list with this observer, so threads that only spawn can pick it up.
            GiveBatch(t_free!);
            t_free = null;
            t_freeCount = 0;
        }

        _next = t_free;
        t_free = this;
        t_freeCount++;
    }

    private static void GiveBatch(ChildObserver batch)
    {
        lock (s_sharedLock)
        {
            if (s_sharedBatchCount < MaxSharedBatches)
            {
                batch._nextBatch = s_sharedBatches;
                s_sharedBatches = batch;
                s_sharedBatchCount++;
            }
        }
    }
}
