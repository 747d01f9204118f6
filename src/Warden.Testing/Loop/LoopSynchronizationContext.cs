namespace Warden.Testing.Loop;

/// <summary>
/// Sends every continuation that captured it back to the <see cref="DeterministicLoop"/>, so async code in the body runs
/// on one thread in an order the loop chooses. Written here because no maintained library offers a single-threaded,
/// schedule-controllable context with virtual time (Nito.AsyncEx's AsyncContext runs FIFO and has no clock or seeds).
/// </summary>
internal sealed class LoopSynchronizationContext(DeterministicLoop loop) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => loop.Enqueue(new LoopWorkItem(d, state, null));

    public override void Send(SendOrPostCallback d, object? state)
    {
        if (!loop.IsLoopThread)
        {
            throw new NotSupportedException("Send from outside the deterministic loop would block a thread on the loop; post instead.");
        }

        d(state);
    }

    public override SynchronizationContext CreateCopy() => this;
}
