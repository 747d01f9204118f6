namespace Warden;

/// <summary>Something waiting for a <see cref="TaskGroupOptions.MaxConcurrency"/> slot: a queued spawn or a waiting <c>SpawnAsync</c>.</summary>
internal abstract class SlotRequest
{
    /// <summary>The slot is now this request's; start the child (never inline, so slot hand-offs cannot recurse).</summary>
    public abstract void Grant();

    /// <summary>The group is cancelling; the child will never start.</summary>
    public abstract void Deny();
}
