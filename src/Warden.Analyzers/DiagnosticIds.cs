namespace Warden.Analyzers;

/// <summary>
/// The identifiers of every rule in the Warden catalog, banded by playbook chapter
/// (2xx blocking, 3xx task ownership, 4xx libraries, 5xx exceptions and cancellation, 7xx tests, 8xx shutdown).
/// </summary>
public static class DiagnosticIds
{
    /// <summary>Blocking wait in async code.</summary>
    public const string BlockingWait = "WD201";

    /// <summary>Thread.Sleep in async code.</summary>
    public const string ThreadSleep = "WD202";

    /// <summary>Synchronous I/O in async code.</summary>
    public const string SynchronousCall = "WD203";

    /// <summary>CPU-heavy parsing on an async path.</summary>
    public const string CpuHeavyParsing = "WD204";

    /// <summary>Sync-over-async.</summary>
    public const string SyncOverAsync = "WD205";

    /// <summary>Task dropped.</summary>
    public const string TaskDropped = "WD301";

    /// <summary>async void.</summary>
    public const string AsyncVoid = "WD302";

    /// <summary>Unbounded fan-out.</summary>
    public const string UnboundedFanOut = "WD303";

    /// <summary>Task never awaited.</summary>
    public const string TaskNeverAwaited = "WD304";

    /// <summary>Async API that blocks.</summary>
    public const string AsyncApiThatBlocks = "WD401";

    /// <summary>Swallowed cancellation.</summary>
    public const string SwallowedCancellation = "WD501";

    /// <summary>Token not forwarded.</summary>
    public const string TokenNotForwarded = "WD502";

    /// <summary>Sleeping test.</summary>
    public const string SleepingTest = "WD701";

    /// <summary>async void test.</summary>
    public const string AsyncVoidTest = "WD702";

    /// <summary>Hosted loop ignores stopping token.</summary>
    public const string HostedLoopIgnoresStoppingToken = "WD801";

    /// <summary>Blocking shutdown handler.</summary>
    public const string BlockingShutdownHandler = "WD802";
}
