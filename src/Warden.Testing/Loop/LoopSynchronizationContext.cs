namespace Warden.Testing.Loop;

/// <summary>
/// Sends every continuation that captured it back to the <see cref="DeterministicLoop"/>, so async code in the body runs
/// on one thread in an order the loop chooses. Written here because no maintained library offers a single-threaded,
/// schedule-controllable context with virtual time (Nito.AsyncEx's AsyncContext runs FIFO and has no clock or seeds).
/// </summary>
internal sealed class LoopSynchronizationContext : SynchronizationContext
{
    private const int WaitTimeout = 0x102;
    private readonly DeterministicLoop _loop;
    private readonly TimeSpan _blockingGrace;

    public LoopSynchronizationContext(DeterministicLoop loop, TimeSpan blockingGrace)
    {
        _loop = loop;
        _blockingGrace = blockingGrace;

        // Route this thread's managed waits (.Result, .Wait(), locks, semaphores) through Wait below while we are current.
        SetWaitNotificationRequired();
    }

    /// <summary>The loop's virtual clock, which the kit's tools use by default while running on the loop.</summary>
    public TimeProvider Time => _loop.Time;

    public override void Post(SendOrPostCallback d, object? state) => _loop.Enqueue(new LoopWorkItem(d, state, null));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!_loop.IsLoopThread)
        {
            throw new NotSupportedException("Send from outside the deterministic loop would block a thread on the loop; post instead.");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>
    /// A blocking wait on the loop thread stops the only thread that could run what is awaited: a deadlock. Waits for
    /// work outside the loop (a lock held by a pool thread) are allowed up to the grace period; longer ones fail with
    /// the stack of the wait instead of hanging the test.
    /// </summary>
    public override int Wait(IntPtr[] waitHandles, bool waitAll, int millisecondsTimeout)
    {
        if (!_loop.IsLoopThread || millisecondsTimeout == 0)
        {
            return WaitHelper(waitHandles, waitAll, millisecondsTimeout);
        }

        var grace = (int)_blockingGrace.TotalMilliseconds;
        var bounded = millisecondsTimeout == Timeout.Infinite || millisecondsTimeout > grace ? grace : millisecondsTimeout;
        var result = WaitHelper(waitHandles, waitAll, bounded);
        if (result == WaitTimeout && bounded != millisecondsTimeout)
        {
            throw new InvalidOperationException(
                "A synchronous wait (.Result, .Wait(), GetAwaiter().GetResult(), a lock or semaphore) blocked the deterministic loop's thread " +
                $"for {Eventually.Format(_blockingGrace)}; the loop cannot run what is being waited for, so this is a deadlock. Await instead.");
        }

        return result;
    }
}
