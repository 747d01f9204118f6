namespace Warden.Testing;

/// <summary>When <see cref="CancellationAssert"/> cancels the operation: after a delay, when a condition holds, or when a signal completes.</summary>
public sealed class CancellationPoint
{
    private readonly Func<Task, TimeSpan, TimeProvider, CancellationToken, Task> _reach;

    private CancellationPoint(string description, Func<Task, TimeSpan, TimeProvider, CancellationToken, Task> reach)
    {
        Description = description;
        _reach = reach;
    }

    /// <summary>What this point is, for failure messages.</summary>
    public string Description { get; }

    /// <summary>Cancels after <paramref name="delay"/> on <paramref name="timeProvider"/> (when null, the options' clock, which defaults to the loop's inside <see cref="AsyncTest"/>).</summary>
    /// <param name="delay">How long the operation runs before it is cancelled.</param>
    /// <param name="timeProvider">The clock; pass the fake clock the operation uses so the delay is virtual.</param>
    /// <returns>The point.</returns>
    public static CancellationPoint After(TimeSpan delay, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new CancellationPoint($"after {Eventually.Format(delay)}", async (operation, _, clock, ct) =>
        {
            // The delay's timer is cancelled when the operation ends first, so nothing is left pending.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var delayed = Task.Delay(delay, timeProvider ?? clock, stop.Token);
            await Task.WhenAny(operation, delayed);
            // Synchronous on purpose: CancelAsync runs callbacks on the pool, which would escape the deterministic loop.
#pragma warning disable CA1849
            stop.Cancel();
#pragma warning restore CA1849
        });
    }

    /// <summary>Cancels as soon as <paramref name="condition"/> holds (polled like <see cref="Eventually"/>).</summary>
    /// <param name="condition">The state at which to cancel, e.g. "the download has started".</param>
    /// <returns>The point.</returns>
    public static CancellationPoint When(Func<bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new CancellationPoint("when the condition held", (operation, reachTimeout, clock, ct) =>
            Eventually.UntilAsync(
                () => condition() || operation.IsCompleted,
                static reached => reached,
                reachTimeout,
                "the cancellation point should be reached",
                new EventuallyOptions { TimeProvider = clock },
                ct));
    }

    /// <summary>Cancels when <paramref name="signal"/> completes, e.g. a <see cref="TaskCompletionSource"/> the operation sets at a chosen step.</summary>
    /// <param name="signal">The task that marks the point.</param>
    /// <returns>The point.</returns>
    public static CancellationPoint On(Task signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new CancellationPoint("when the signal completed", async (operation, reachTimeout, clock, ct) => await Task.WhenAny(operation, signal).WaitAsync(reachTimeout, clock, ct));
    }

    internal Task ReachAsync(Task operation, TimeSpan reachTimeout, TimeProvider clock, CancellationToken ct) => _reach(operation, reachTimeout, clock, ct);
}
