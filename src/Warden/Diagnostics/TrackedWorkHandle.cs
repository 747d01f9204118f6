namespace Warden.Diagnostics;

/// <summary>
/// Returned by <see cref="WorkRegistry.Register"/>; disposing it removes the work from the registry.
/// </summary>
/// <remarks>
/// A handle whose entry was recorded (registered while tracking) removes it at most once, however often it
/// is disposed. A counter-only handle (registered while nobody was tracking) carries no state to remember a
/// first disposal, because it is copied by value: its owner disposes it exactly once, which every Warden
/// owner does in a <c>finally</c> or completion callback. <c>default(TrackedWorkHandle)</c> does nothing.
/// </remarks>
public readonly struct TrackedWorkHandle : IDisposable, IEquatable<TrackedWorkHandle>
{
    private readonly TrackedWorkKind _kind;
    private readonly bool _recorded;
    private readonly bool _live;

    internal TrackedWorkHandle(long id, TrackedWorkKind kind, bool recorded)
    {
        Id = id;
        _kind = kind;
        _recorded = recorded;
        _live = true;
    }

    /// <summary>The registry-wide unique id of a recorded entry; 0 for a counter-only registration and for <c>default</c>.</summary>
    public long Id { get; }

    /// <summary>Removes the work from the registry and decrements its live counter.</summary>
    public void Dispose()
    {
        if (_live)
        {
            WorkRegistry.Unregister(GroupThreadState.Current.Counters, Id, _kind, _recorded);
        }
    }

    /// <summary>Like <see cref="Dispose"/>, on the calling thread's <paramref name="counters"/> the caller already holds.</summary>
    internal void DisposeWith(WorkCounterSlab counters)
    {
        if (_live)
        {
            WorkRegistry.Unregister(counters, Id, _kind, _recorded);
        }
    }

    /// <inheritdoc />
    public bool Equals(TrackedWorkHandle other) => Id == other.Id && _kind == other._kind && _recorded == other._recorded && _live == other._live;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TrackedWorkHandle other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, _kind, _recorded, _live);

    /// <summary>Compares two handles by id.</summary>
    /// <param name="left">The first handle.</param>
    /// <param name="right">The second handle.</param>
    /// <returns><see langword="true"/> when both are the same registration.</returns>
    public static bool operator ==(TrackedWorkHandle left, TrackedWorkHandle right) => left.Equals(right);

    /// <summary>Compares two handles by id.</summary>
    /// <param name="left">The first handle.</param>
    /// <param name="right">The second handle.</param>
    /// <returns><see langword="true"/> when they refer to different work.</returns>
    public static bool operator !=(TrackedWorkHandle left, TrackedWorkHandle right) => !left.Equals(right);
}
