namespace Warden;

/// <summary>A child failure passed to <see cref="TaskGroupOptions.OnChildFault"/> in <see cref="FailureMode.Supervisor"/> mode.</summary>
/// <param name="GroupName">The group's name.</param>
/// <param name="ChildName">The child's name given to <c>Spawn</c>, if any.</param>
/// <param name="Exception">The child's failure.</param>
public sealed record TaskGroupChildFault(string GroupName, string? ChildName, Exception Exception);
