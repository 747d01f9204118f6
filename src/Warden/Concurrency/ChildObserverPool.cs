namespace Warden;

/// <summary>
/// Keeps idle <see cref="ChildObserver"/>s for reuse: per thread, an array of up to <see cref="BatchSize"/>; full
/// arrays move between threads through a small shared stack, so the per-child path touches only thread-local state.
/// </summary>
/// <remarks>
/// Children are often spawned on one thread and complete on others (a request thread spawns, pool threads resume), so
/// a purely per-thread pool would fill on the completing threads and stay empty on the spawning one. A completing
/// thread whose array is full hands it over whole (one lock per <see cref="BatchSize"/> observers) and a spawning
/// thread with none takes one. Arrays rather than a linked list through the observers: renting then reads only the
/// thread's own array, not the observer that another core wrote last, which costs a cache-line transfer per child.
/// </remarks>
internal static class ChildObserverPool
{
    /// <summary>How many observers a thread keeps, and moves at once.</summary>
    public const int BatchSize = 64;

    private const int MaxSharedBatches = 32;

    private static readonly Lock s_lock = new();
    private static readonly Stack<ChildObserver[]> s_full = new();
    private static readonly Stack<ChildObserver[]> s_empty = new();
    private static int s_fullCount;

    /// <summary>Takes an idle observer from this thread's array, refilling it from the shared stack when empty.</summary>
    /// <param name="thread">The calling thread's state.</param>
    /// <returns>An idle observer, or <see langword="null"/> when none is pooled.</returns>
    public static ChildObserver? TryRent(GroupThreadState thread)
    {
        var count = thread.FreeObserverCount;
        if (count == 0)
        {
            if (!TakeFullBatch(thread))
            {
                return null;
            }

            count = BatchSize;
        }

        count--;
        thread.FreeObserverCount = count;
        return thread.FreeObservers![count];
    }

    /// <summary>Gives an idle observer back to this thread's array, handing the array over when it is full.</summary>
    /// <param name="thread">The calling thread's state.</param>
    /// <param name="observer">The observer, already cleared.</param>
    public static void Return(GroupThreadState thread, ChildObserver observer)
    {
        var batch = thread.FreeObservers;
        var count = thread.FreeObserverCount;
        if (batch is null)
        {
            batch = new ChildObserver[BatchSize];
            thread.FreeObservers = batch;
        }
        else if (count == BatchSize)
        {
            batch = GiveFullBatch(thread, batch);
            count = 0;
        }

        batch[count] = observer;
        thread.FreeObserverCount = count + 1;
    }

    private static bool TakeFullBatch(GroupThreadState thread)
    {
        if (Volatile.Read(ref s_fullCount) == 0)
        {
            return false;
        }

        ChildObserver[] full;
        lock (s_lock)
        {
            if (s_full.Count == 0)
            {
                return false;
            }

            full = s_full.Pop();
            s_fullCount = s_full.Count;
            if (thread.FreeObservers is { } empty && s_empty.Count < MaxSharedBatches)
            {
                s_empty.Push(empty);
            }
        }

        thread.FreeObservers = full;
        thread.FreeObserverCount = BatchSize;
        return true;
    }

    /// <summary>Hands a full array to the shared stack (or drops its observers when that is full); returns an empty one.</summary>
    private static ChildObserver[] GiveFullBatch(GroupThreadState thread, ChildObserver[] full)
    {
        ChildObserver[]? next = null;
        lock (s_lock)
        {
            if (s_full.Count >= MaxSharedBatches)
            {
                // Enough is pooled: reuse this array, letting the observers it held go to the garbage collector.
                return full;
            }

            s_full.Push(full);
            s_fullCount = s_full.Count;
            s_empty.TryPop(out next);
        }

        next ??= new ChildObserver[BatchSize];
        thread.FreeObservers = next;
        return next;
    }
}
