namespace Warden;

/// <summary>Where a child's delegate starts running.</summary>
public enum StartMode
{
    /// <summary>
    /// On the spawning thread, like calling an async method directly (and like the tasks handed to
    /// <c>Task.WhenAll</c>): it runs until its first await before <c>Spawn</c> returns. The default; it is the
    /// cheapest, and the child is registered with the group before its delegate runs.
    /// </summary>
    Inline,

    /// <summary>On the thread pool: <c>Spawn</c> returns at once and deep spawn chains never grow the stack.</summary>
    Queued,
}
