namespace Warden.Analyzers.Common;

/// <summary>The ways code can block a thread until a task or a synchronisation primitive completes.</summary>
internal enum BlockingWaitKind
{
    /// <summary>Not a blocking wait.</summary>
    None,

    /// <summary><c>task.Result</c> on Task&lt;T&gt; or ValueTask&lt;T&gt;.</summary>
    Result,

    /// <summary><c>task.Wait(...)</c>.</summary>
    Wait,

    /// <summary><c>task.GetAwaiter().GetResult()</c>, with or without ConfigureAwait.</summary>
    GetResult,

    /// <summary><c>Task.WaitAll(...)</c>.</summary>
    WaitAll,

    /// <summary><c>Task.WaitAny(...)</c>.</summary>
    WaitAny,

    /// <summary><c>SemaphoreSlim.Wait(...)</c>.</summary>
    SemaphoreWait,

    /// <summary><c>ManualResetEventSlim.Wait(...)</c>.</summary>
    EventWait,
}
