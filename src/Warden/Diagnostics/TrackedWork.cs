namespace Warden.Diagnostics;

/// <summary>One live piece of owned work, as recorded by <see cref="WorkRegistry"/> while tracking is on.</summary>
/// <param name="Id">The registry-wide unique id of the work.</param>
/// <param name="Kind">What kind of work it is.</param>
/// <param name="Name">The name given by its owner (a group name, a background task name, ...).</param>
/// <param name="StartSite">Where the work was started (<c>Member (File:Line)</c>), when known.</param>
/// <param name="StartedAt">When the work was registered.</param>
/// <param name="ParentId">The id of the owning work (for example the group of a child), when known.</param>
public sealed record TrackedWork(
    long Id,
    TrackedWorkKind Kind,
    string Name,
    string? StartSite,
    DateTimeOffset StartedAt,
    long? ParentId);
