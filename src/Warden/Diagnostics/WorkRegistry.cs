using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Warden.Diagnostics;

/// <summary>
/// A process-wide, lightweight registry of live owned work (task groups, their children, background tasks,
/// offloaded calls, shutdown work) that metrics and <c>warden monitor</c> read.
/// </summary>
/// <remarks>
/// Nobody pays for it unless somebody reads it: while no <see cref="BeginTracking"/> scope is open,
/// <see cref="Register"/> only updates a per-kind counter and allocates nothing. While a scope is open it
/// records a <see cref="TrackedWork"/> entry that <see cref="Snapshot"/> returns.
/// </remarks>
public static class WorkRegistry
{
    // Live counters live in per-thread slabs (see WorkCounterSlab), held by GroupThreadState so the task group hot
    // paths reach them with the same thread-static read they already make: an untracked registration costs two plain
    // writes to memory only its own thread touches. LiveCount sums the slabs of every thread that ever registered work.
    private static readonly int _kindCount = Enum.GetValues<TrackedWorkKind>().Length;
    private static readonly Lock _slabsLock = new();
    private static WorkCounterSlab[] _slabs = [];

    private static readonly ConcurrentDictionary<long, TrackedWork> _entries = new();
    private static long _nextId;
    private static int _trackers;

    /// <summary>Whether any <see cref="BeginTracking"/> scope is open, so registrations record full entries.</summary>
    public static bool IsTracking => Volatile.Read(ref _trackers) > 0;

    /// <summary>
    /// Starts recording full entries until the returned scope is disposed. Scopes are reference-counted:
    /// tracking stays on while any of them is open. Work registered before tracking started is counted in
    /// <see cref="LiveCount"/> but does not appear in <see cref="Snapshot"/>.
    /// </summary>
    /// <returns>The scope; dispose it to stop tracking (disposing twice is harmless).</returns>
    public static IDisposable BeginTracking()
    {
        Interlocked.Increment(ref _trackers);
        return new WorkRegistryTrackingScope();
    }

    /// <summary>The live entries recorded while tracking, oldest first.</summary>
    /// <returns>A copy; it does not change when work starts or ends afterwards.</returns>
    public static IReadOnlyList<TrackedWork> Snapshot()
    {
        var list = new List<TrackedWork>(_entries.Count);
        foreach (var pair in _entries)
        {
            list.Add(pair.Value);
        }

        list.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        return list;
    }

    /// <summary>How much work of this kind is live now, counted whether or not anybody is tracking.</summary>
    /// <param name="kind">The kind of work.</param>
    /// <returns>The number of registered, not yet disposed handles of that kind.</returns>
    public static long LiveCount(TrackedWorkKind kind)
    {
        var index = KindIndex(kind);
        long sum = 0;
        foreach (var slab in Volatile.Read(ref _slabs))
        {
            sum += slab.Read(index);
        }

        return sum;
    }

    /// <summary>Registers live work; dispose the handle when the work ends.</summary>
    /// <param name="kind">What kind of work it is.</param>
    /// <param name="name">Its name, shown by metrics and the monitor.</param>
    /// <param name="startSite">Where it was started (see <see cref="DescribeStartSite"/>), if known.</param>
    /// <param name="parentId">The id of the owning work, if any.</param>
    /// <returns>
    /// The handle that removes the work again. Its <see cref="TrackedWorkHandle.Id"/> is the entry's id while tracking,
    /// and 0 for a counter-only registration (no id is drawn, so the untracked path touches one counter only).
    /// </returns>
    public static TrackedWorkHandle Register(TrackedWorkKind kind, string name, string? startSite = null, long? parentId = null) =>
        RegisterWith(GroupThreadState.Current.Counters, kind, name, startSite, parentId);

    /// <summary>Registers live work on <paramref name="counters"/>, the calling thread's slab the caller already holds.</summary>
    internal static TrackedWorkHandle RegisterWith(WorkCounterSlab counters, TrackedWorkKind kind, string name, string? startSite = null, long? parentId = null)
    {
        counters.Add(KindIndex(kind), 1);
        if (Volatile.Read(ref _trackers) == 0)
        {
            return new TrackedWorkHandle(0, kind, recorded: false);
        }

        var id = Interlocked.Increment(ref _nextId);
        _entries[id] = new TrackedWork(id, kind, name ?? string.Empty, startSite, DateTimeOffset.UtcNow, parentId is 0 ? null : parentId);
        return new TrackedWorkHandle(id, kind, recorded: true);
    }

    /// <summary>
    /// Formats caller information as a start site (<c>Member (File.cs:Line)</c>), or returns
    /// <see langword="null"/> while nobody is tracking so that callers pay nothing.
    /// </summary>
    /// <param name="memberName">The caller's member name (<see cref="CallerMemberNameAttribute"/>).</param>
    /// <param name="filePath">The caller's file (<see cref="CallerFilePathAttribute"/>).</param>
    /// <param name="lineNumber">The caller's line (<see cref="CallerLineNumberAttribute"/>).</param>
    /// <returns>The start site, or <see langword="null"/> when not tracking or nothing is known.</returns>
    public static string? DescribeStartSite(string? memberName, string? filePath, int lineNumber)
    {
        if (Volatile.Read(ref _trackers) == 0 || (string.IsNullOrEmpty(memberName) && string.IsNullOrEmpty(filePath)))
        {
            return null;
        }

        return FormatStartSite(memberName, filePath, lineNumber);
    }

    /// <summary>Formats caller information as <c>Member (File.cs:Line)</c> whether or not tracking is on.</summary>
    /// <param name="memberName">The caller's member name.</param>
    /// <param name="filePath">The caller's file path; only the file name is kept.</param>
    /// <param name="lineNumber">The caller's line.</param>
    /// <returns>The formatted start site.</returns>
    public static string FormatStartSite(string? memberName, string? filePath, int lineNumber)
    {
        var file = string.IsNullOrEmpty(filePath) ? "?" : Path.GetFileName(filePath);
        return FormattableString.Invariant($"{memberName} ({file}:{lineNumber})");
    }

    internal static void EndTracking() => Interlocked.Decrement(ref _trackers);

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // Runs for every asynchronous child of a task group.
    internal static void Unregister(WorkCounterSlab counters, long id, TrackedWorkKind kind, bool recorded)
    {
        // A recorded entry is removed once even if its handle is disposed twice; the counter follows the removal.
        if (recorded && !_entries.TryRemove(id, out _))
        {
            return;
        }

        counters.Add(KindIndex(kind), -1);
    }

    private static int KindIndex(TrackedWorkKind kind)
    {
        var index = (int)kind;
        if ((uint)index >= (uint)_kindCount)
        {
            ThrowUnknownKind(kind);
        }

        return index;
    }

    // Kept out of KindIndex so that the JIT inlines it: it runs twice for every asynchronous child of a task group.
    [DoesNotReturn]
    private static void ThrowUnknownKind(TrackedWorkKind kind) =>
        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tracked work kind.");

    /// <summary>Creates the calling thread's slab and makes <see cref="LiveCount"/> read it; <see cref="GroupThreadState"/> keeps it.</summary>
    internal static WorkCounterSlab CreateThreadSlab()
    {
        var slab = new WorkCounterSlab(_kindCount);
        lock (_slabsLock)
        {
            // Copy-on-write so LiveCount reads a stable array without taking the lock.
            Volatile.Write(ref _slabs, [.. _slabs, slab]);
        }

        return slab;
    }
}
