namespace Warden.Blocking;

/// <summary>What kind of blocking a <see cref="BlockingReport"/> describes.</summary>
public enum BlockingKind
{
    /// <summary>A synchronous wait (<c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>) on an incomplete task.</summary>
    SyncWait,

    /// <summary>A piece of async work (a continuation, or the synchronous part of an async method) that ran longer than the limit.</summary>
    SlowContinuation,
}
