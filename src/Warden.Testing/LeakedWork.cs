namespace Warden.Testing;

/// <summary>One piece of work a <see cref="LeakAudit"/> found still running.</summary>
/// <param name="Kind">What it is: a Warden kind (TaskGroup, GroupChild, BackgroundTask, Offload, ShutdownWork) or "Task".</param>
/// <param name="Name">Its name (a group's or background task's name; for a plain task the async method or delegate).</param>
/// <param name="StartSite">Where it was started, when known.</param>
public sealed record LeakedWork(string Kind, string Name, string? StartSite)
{
    /// <summary>One line for the failure message.</summary>
    public override string ToString() => $"{Kind} '{Name}' started at {StartSite ?? "(unknown site)"}";
}
