namespace Warden.Testing;

/// <summary>Limits of an <see cref="AsyncTest"/> run. Every limit turns a hang into a failure that says what was waiting.</summary>
public sealed class AsyncTestOptions
{
    /// <summary>The default options.</summary>
    public static AsyncTestOptions Default { get; } = new();

    /// <summary>The virtual clock's start. Default 2000-01-01 UTC (the <c>FakeTimeProvider</c> default).</summary>
    public DateTimeOffset StartTime { get; init; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// When nothing can run and no timer is pending, how long (real time) to wait for work that escaped the loop
    /// (<c>Task.Run</c>, real I/O) to post back before declaring a deadlock. Default 2 s: a busy pool can take that long to run escaped work.
    /// </summary>
    public TimeSpan ExternalWorkGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The real-time bound of the whole run. Default 30 s.</summary>
    public TimeSpan RealTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The virtual-time bound: a body still running after this much virtual time fails (a timer loop that never ends). Default 1 day.</summary>
    public TimeSpan MaxVirtualTime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Cancels the run from outside (pass the test framework's token); <see cref="AsyncTestContext.Token"/> follows it.</summary>
    public CancellationToken CancellationToken { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ExternalWorkGrace, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RealTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxVirtualTime, TimeSpan.Zero);
    }
}
