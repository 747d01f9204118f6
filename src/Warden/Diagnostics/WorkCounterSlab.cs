namespace Warden.Diagnostics;

/// <summary>
/// One thread's live counters, one per <see cref="TrackedWorkKind"/>. Only the owning thread writes its slab, so an
/// increment is a plain read and write with no atomic instruction; a registration may end on another thread, whose
/// slab then goes negative by one, and the sum over all slabs is the live count.
/// </summary>
internal sealed class WorkCounterSlab
{
    private readonly long[] _counts;

    public WorkCounterSlab(int kinds) => _counts = new long[kinds];

    public void Add(int kind, long delta) => Volatile.Write(ref _counts[kind], _counts[kind] + delta);

    public long Read(int kind) => Volatile.Read(ref _counts[kind]);
}
