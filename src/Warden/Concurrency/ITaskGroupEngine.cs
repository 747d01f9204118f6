namespace Warden;

/// <summary>What the helpers of a group (queued children) need from the group engine, whatever its result type.</summary>
internal interface ITaskGroupEngine
{
    CancellationToken Token { get; }

    /// <summary>Starts a child that already holds a slot and a count, and tracks it.</summary>
    Task StartWithSlot<T>(Func<CancellationToken, Task> work, string? name, bool typed);

    /// <summary>Gives back a count taken for a child that will never start.</summary>
    void ReleaseCount();
}
