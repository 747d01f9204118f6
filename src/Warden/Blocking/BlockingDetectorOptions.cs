namespace Warden.Blocking;

/// <summary>What a <see cref="BlockingMonitor"/> reports. Defaults suit tests and debugging.</summary>
public sealed class BlockingDetectorOptions
{
    /// <summary>
    /// Report a continuation that runs longer than this (the analog of asyncio's <c>slow_callback_duration</c>);
    /// <see langword="null"/> turns slow-continuation detection off. Default 100 ms.
    /// </summary>
    public TimeSpan? SlowContinuationThreshold { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The clock that times continuations; tests pass a fake clock. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Report synchronous waits only on thread-pool threads (default <see langword="true"/>), where they starve the pool;
    /// <see langword="false"/> reports them on any thread of the monitored flow.
    /// </summary>
    public bool PoolThreadsOnly { get; set; } = true;

    /// <summary>
    /// Call sites allowed to block: a report is dropped when any frame of its stack belongs to a method whose
    /// full name (<c>Namespace.Type.Method</c>) equals, or whose type's full name equals or starts with, one of these.
    /// </summary>
    public IList<string> Allowed { get; } = [];

    /// <summary>Adds a call site (a method <c>Namespace.Type.Method</c>, a type or a namespace prefix) to <see cref="Allowed"/>.</summary>
    /// <param name="callSite">The method, type or namespace prefix to allow.</param>
    /// <returns>These options, for chaining.</returns>
    public BlockingDetectorOptions Allow(string callSite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(callSite);
        Allowed.Add(callSite);
        return this;
    }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (SlowContinuationThreshold is { } threshold && threshold <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SlowContinuationThreshold), threshold, "SlowContinuationThreshold must be positive, or null to turn slow-continuation detection off.");
        }
    }
}
