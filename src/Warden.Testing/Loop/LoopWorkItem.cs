namespace Warden.Testing.Loop;

/// <summary>One runnable piece of work on the loop: a posted callback or a scheduled task.</summary>
internal readonly record struct LoopWorkItem(SendOrPostCallback? Callback, object? State, Task? Task);
