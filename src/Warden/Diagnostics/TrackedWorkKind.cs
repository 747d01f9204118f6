namespace Warden.Diagnostics;

/// <summary>What kind of owned work a <see cref="TrackedWork"/> entry describes.</summary>
public enum TrackedWorkKind
{
    /// <summary>A running <c>TaskGroup</c> (its body plus its children).</summary>
    TaskGroup,

    /// <summary>One child of a task group.</summary>
    GroupChild,

    /// <summary>Work started through <c>BackgroundTasks.TryStart</c>.</summary>
    BackgroundTask,

    /// <summary>Blocking work moved off the request path with <c>Offload</c>.</summary>
    Offload,

    /// <summary>Work the shutdown coordinator waits for.</summary>
    ShutdownWork,
}
