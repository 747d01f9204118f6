namespace Warden;

/// <summary>A child spawned inline whose observation waits in a <see cref="DeferredChildren"/> ring.</summary>
/// <param name="Task">The child's task, not yet completed when it was spawned.</param>
/// <param name="Name">The child's name, for failure reports.</param>
internal readonly record struct DeferredChild(Task Task, string? Name);
