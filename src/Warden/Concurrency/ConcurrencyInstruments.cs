using System.Diagnostics.Metrics;
using Warden.Diagnostics;

namespace Warden;

/// <summary>
/// The instruments of the concurrency part on the shared "Warden" meter. Lives in Concurrency/ but keeps the
/// root namespace like every public concurrency type, so users need one <c>using Warden;</c>.
/// </summary>
internal static class ConcurrencyInstruments
{
    /// <summary>The meter name every Warden part publishes on.</summary>
    public const string MeterName = "Warden";

    /// <summary>Tag carrying the owning group's or registry's name.</summary>
    public const string OwnerTag = "warden.owner";

    /// <summary>Tag carrying a background task's name.</summary>
    public const string TaskNameTag = "warden.task";

    private static readonly Meter _meter = new(MeterName);

    /// <summary>Children of task groups that are admitted and not finished, tagged with the group name.</summary>
    public static readonly UpDownCounter<long> GroupChildrenInFlight = _meter.CreateUpDownCounter<long>(
        "warden.taskgroup.children.in_flight", unit: "{task}", description: "Task-group children admitted and not finished.");

    /// <summary>Failures recorded by task groups, tagged with the group name.</summary>
    public static readonly Counter<long> GroupFailures = _meter.CreateCounter<long>(
        "warden.taskgroup.failures", unit: "{exception}", description: "Failures recorded by task groups.");

    /// <summary>Group errors that had no other way out than <c>TaskGroup.UnobservedException</c>, tagged with the group name.</summary>
    public static readonly Counter<long> GroupUnobserved = _meter.CreateCounter<long>(
        "warden.taskgroup.unobserved", unit: "{exception}", description: "Task-group errors reported through TaskGroup.UnobservedException.");

    /// <summary>Live task groups, read from the work registry's counter.</summary>
    public static readonly ObservableUpDownCounter<long> GroupsActive = _meter.CreateObservableUpDownCounter(
        "warden.taskgroup.active", static () => WorkRegistry.LiveCount(TrackedWorkKind.TaskGroup), unit: "{group}", description: "Task groups that have not completed.");

    /// <summary>Background tasks running now, tagged with the owner name.</summary>
    public static readonly UpDownCounter<long> BackgroundTasksActive = _meter.CreateUpDownCounter<long>(
        "warden.background_tasks.active", unit: "{task}", description: "Background tasks running now.");

    /// <summary>Background task faults, tagged with the owner and task name.</summary>
    public static readonly Counter<long> BackgroundTaskFaults = _meter.CreateCounter<long>(
        "warden.background_tasks.faults", unit: "{exception}", description: "Background tasks that ended with a failure.");

    /// <summary>Background work refused because the owner was full or draining, tagged with the owner name.</summary>
    public static readonly Counter<long> BackgroundTasksRejected = _meter.CreateCounter<long>(
        "warden.background_tasks.rejected", unit: "{task}", description: "Background work refused (full or draining).");

    /// <summary>Queued background work dropped unstarted when a drain's grace ran out, tagged with the owner name.</summary>
    public static readonly Counter<long> BackgroundTasksDropped = _meter.CreateCounter<long>(
        "warden.background_tasks.dropped", unit: "{task}", description: "Queued background work dropped unstarted at the end of a drain.");
}
