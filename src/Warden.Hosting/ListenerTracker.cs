namespace Warden.Hosting;

/// <summary>
/// Counts the HTTP listeners that are bound, so step 2 can end exactly when the last one is unbound, which is
/// when the operating system starts refusing new connections.
/// </summary>
internal sealed class ListenerTracker
{
    private readonly Lock _lock = new();
    private int _bound;
    private int _unbound;
    private TaskCompletionSource? _allUnbound;

    public int UnboundCount
    {
        get
        {
            lock (_lock)
            {
                return _unbound;
            }
        }
    }

    public void Bound()
    {
        lock (_lock)
        {
            _bound++;
        }
    }

    public void Unbound()
    {
        TaskCompletionSource? done = null;
        lock (_lock)
        {
            _bound--;
            _unbound++;
            if (_bound == 0)
            {
                done = _allUnbound;
            }
        }

        done?.TrySetResult();
    }

    public Task WaitUntilAllUnboundAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_bound == 0)
            {
                return Task.CompletedTask;
            }

            _allUnbound ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _allUnbound.Task.WaitAsync(cancellationToken);
        }
    }
}
