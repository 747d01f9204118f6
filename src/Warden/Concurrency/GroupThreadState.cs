using Warden.Diagnostics;

namespace Warden;

/// <summary>
/// What the task group hot paths keep per thread, behind one thread-static read: which group's code runs inline on
/// this thread and the counts it reserved, the children it has not looked at yet, this thread's free child observers,
/// and its registry counters.
/// </summary>
/// <remarks>
/// One object rather than several <see cref="ThreadStaticAttribute"/> fields because every thread-static access is a
/// TLS lookup: spawning and completing an asynchronous child used to make six of them, now each makes one and passes
/// this object down (measured: <c>benchmarks/results/taskgroup-perchild.md</c>, session 4).
/// </remarks>
internal sealed class GroupThreadState
{
    [ThreadStatic]
    private static GroupThreadState? t_current;

    private WorkCounterSlab? _counters;
    private DeferredChildren? _deferred;

    /// <summary>This thread's state, created on first use.</summary>
    public static GroupThreadState Current => t_current ?? Create();

    /// <summary>
    /// Which group's body or child is running synchronously on this thread right now. While a group is here, a frame
    /// further up this thread's stack holds one of its counts, so the group cannot finish under a nested <c>Spawn</c>:
    /// a child that completes synchronously then needs no atomic bookkeeping at all (the common cheap case).
    /// </summary>
    public object? InlineGroup { get; set; }

    /// <summary>
    /// Counts the current frame took from <see cref="InlineGroup"/> in one batch and has not yet handed to asynchronous
    /// children, so a spawn loop does not write the group's shared counter once per child (completing threads write it).
    /// </summary>
    public int Reserved { get; set; }

    /// <summary>This thread's idle child observers (see <see cref="ChildObserverPool"/>), the first <see cref="FreeObserverCount"/> in use.</summary>
    public ChildObserver[]? FreeObservers { get; set; }

    /// <summary>How many idle observers <see cref="FreeObservers"/> holds.</summary>
    public int FreeObserverCount { get; set; }

    /// <summary>Asynchronous children of <see cref="InlineGroup"/> spawned on this thread and not yet looked at, created on first use.</summary>
    public DeferredChildren Deferred => _deferred ?? CreateDeferred();

    /// <summary><see cref="Deferred"/> if this thread ever deferred a child, without creating it.</summary>
    public DeferredChildren? DeferredIfCreated => _deferred;

    /// <summary>This thread's live-work counters in the registry.</summary>
    public WorkCounterSlab Counters => _counters ??= WorkRegistry.CreateThreadSlab();

    private static GroupThreadState Create() => t_current = new GroupThreadState();

    private DeferredChildren CreateDeferred()
    {
        var deferred = new DeferredChildren();
        DeferredChildWatchdog.Register(deferred);
        return _deferred = deferred;
    }
}
