namespace Warden;

/// <summary>The handshake behind <see cref="ITaskGroup.StartAsync"/>: completes the caller's task once, with a value or the child's early outcome.</summary>
internal sealed class StartStatus<TStart> : IStartStatus<TStart>
{
    private readonly TaskCompletionSource<TStart> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _startedFlag;
    private CancellationTokenRegistration _callerRegistration;

    public Task<TStart> Task => _started.Task;

    public bool HasStarted => Volatile.Read(ref _startedFlag) == 1;

    public void WatchCaller(CancellationTokenRegistration registration) => _callerRegistration = registration;

    public void Started(TStart value)
    {
        if (Interlocked.Exchange(ref _startedFlag, 1) == 1)
        {
            throw new InvalidOperationException("Started was already called; call it exactly once when the work is ready.");
        }

        // From here on the caller's token no longer reaches the child: it belongs to the group.
        _callerRegistration.Unregister();
        _started.TrySetResult(value);
    }

    public void FailBeforeStart(Exception exception)
    {
        _callerRegistration.Unregister();
        _started.TrySetException(exception);
    }

    public void CancelBeforeStart(CancellationToken token)
    {
        _callerRegistration.Unregister();
        _started.TrySetCanceled(token);
    }
}
