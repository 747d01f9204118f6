namespace Warden;

/// <summary>What a child's failure does to the rest of its group.</summary>
public enum FailureMode
{
    /// <summary>The first failure cancels the group token (siblings and body) and no new child is admitted. The default.</summary>
    FailFast,

    /// <summary>
    /// A child's failure does not cancel anything; it goes to <see cref="TaskGroupOptions.OnChildFault"/>, or, without
    /// a handler, into the group's exception at the join. A failing body or an outer cancellation still cancels everything.
    /// </summary>
    Supervisor,
}
