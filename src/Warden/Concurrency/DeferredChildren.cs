using System.Runtime.Intrinsics.X86;

namespace Warden;

/// <summary>
/// One thread's asynchronous children whose observation is deferred: a ring of the last <see cref="Capacity"/>
/// children that a group's synchronous code spawned on this thread. The group looks at a child when it leaves the
/// ring (evicted by a newer one, or flushed when the group's synchronous frame ends): by then most children have
/// completed, and a completed child needs no continuation, no observer and no atomic count, which is how
/// <c>Task.WhenAll</c> gets its edge over watching every child from the moment it is spawned.
/// </summary>
/// <remarks>
/// Only the owning thread writes the ring. <see cref="DeferredChildWatchdog"/> reads it from a timer thread to catch
/// the one case deferral would otherwise break: the owning thread stalls (blocks, or runs a long synchronous child)
/// while a deferred child has failed, so the group would not cancel the siblings the stalled code may be waiting on.
/// The reads are validated with a sequence number (<see cref="Version"/>, odd while the owner writes).
/// </remarks>
internal sealed class DeferredChildren
{
    /// <summary>How many children wait at most; a power of two.</summary>
    public const int Capacity = 128;

    private const int Mask = Capacity - 1;

    /// <summary>
    /// Whether deferring can pay off in this process: with one processor, a child resumes only when its spawner is
    /// preempted, so nearly every child is still running when it leaves the ring and the ring is pure overhead.
    /// </summary>
    public static readonly bool CanPayOff = Environment.ProcessorCount > 1;

    private readonly DeferredChild[] _items = new DeferredChild[Capacity];
    private int _head;
    private int _count;
    private int _version;
    private ITaskGroupEngine? _owner;

    // Written only by the watchdog: the version it saw at its previous tick.
    private int _versionAtLastTick = -1;

    /// <summary>How many children wait.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The sequence number: it changes with every write and is odd while one is under way.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Adds a child of <paramref name="owner"/>; when the ring was full, hands back the oldest child instead.</summary>
    /// <param name="owner">The group; every child in the ring belongs to it (a frame of another group flushes first).</param>
    /// <param name="child">The child to add.</param>
    /// <param name="evicted">The oldest child, which the caller now observes, when the method returns true.</param>
    /// <returns>Whether a child was evicted.</returns>
    public bool Add(ITaskGroupEngine owner, DeferredChild child, out DeferredChild evicted)
    {
        BeginWrite();
        var count = _count;
        if (count < Capacity)
        {
            if (count == 0)
            {
                _owner = owner;
            }

            _items[(_head + count) & Mask] = child;
            Volatile.Write(ref _count, count + 1);
            EndWrite();
            if (count == 0)
            {
                DeferredChildWatchdog.RingInUse();
            }

            evicted = default;
            return false;
        }

        evicted = _items[_head];
        _items[_head] = child;
        _head = (_head + 1) & Mask;
        EndWrite();
        return true;
    }

    /// <summary>Takes the oldest child out of the ring.</summary>
    /// <param name="oldest">The child, when the method returns true.</param>
    /// <returns>Whether the ring held a child.</returns>
    public bool TryTakeOldest(out DeferredChild oldest)
    {
        if (_count == 0)
        {
            oldest = default;
            return false;
        }

        BeginWrite();
        oldest = _items[_head];
        _items[_head] = default;
        _head = (_head + 1) & Mask;
        var count = _count - 1;
        Volatile.Write(ref _count, count);
        if (count == 0)
        {
            // No reference outlives the frame: a finished group must not stay reachable from a thread.
            _owner = null;
        }

        EndWrite();
        return true;
    }

    /// <summary>
    /// Watchdog side: when the owning thread has not touched a non-empty ring since the previous tick, reports every
    /// child in it that has already failed to its group.
    /// </summary>
    /// <returns>Whether the ring holds children (so the watchdog must keep ticking).</returns>
    public bool InspectIfStalled()
    {
        var version = Version;
        var previous = _versionAtLastTick;
        _versionAtLastTick = version;
        if (Count == 0)
        {
            return false;
        }

        if (version != previous || (version & 1) != 0)
        {
            // The owner made progress since the last tick: it will look at its children itself.
            return true;
        }

        var owner = Volatile.Read(ref _owner);
        List<DeferredChild>? failed = null;
        var head = Volatile.Read(ref _head);
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            var child = _items[(head + i) & Mask];
            if (child.Task is { IsCompleted: true, IsCompletedSuccessfully: false })
            {
                (failed ??= []).Add(child);
            }
        }

        // The snapshot counts only if the owner wrote nothing while it was taken.
        Interlocked.MemoryBarrier();
        if (failed is null || owner is null || Version != version)
        {
            return true;
        }

        foreach (var child in failed)
        {
            owner.ReportStalledFailure(this, version, child);
        }

        return true;
    }

    private void BeginWrite()
    {
        Volatile.Write(ref _version, _version + 1);
        if (!X86Base.IsSupported)
        {
            // Weakly ordered CPUs: the odd version must be visible before the entries change (a seqlock's write barrier).
            // x86 keeps stores in order, and the JIT removes this branch there.
            Interlocked.MemoryBarrier();
        }
    }

    private void EndWrite() => Volatile.Write(ref _version, _version + 1);
}
