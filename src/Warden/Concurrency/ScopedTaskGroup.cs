namespace Warden;

/// <summary>
/// The <c>await using</c> form of a task group (<see cref="TaskGroup.Create"/>). Call <see cref="JoinAsync"/> at the end
/// of the block: it is the only place errors are thrown. <c>await using</c> cannot see an exception leaving the block, so
/// <see cref="DisposeAsync"/> without a join cancels the group, waits for every child, reports their errors to
/// <see cref="TaskGroup.UnobservedException"/> and never throws.
/// </summary>
public sealed class ScopedTaskGroup : ITaskGroup, IAsyncDisposable
{
    private readonly TaskGroupCore<bool> _core;
    private int _ownerReleased;
    private int _joinCalled;

    internal ScopedTaskGroup(TaskGroupCore<bool> core) => _core = core;

    /// <inheritdoc />
    public CancellationToken Token => _core.Token;

    /// <inheritdoc />
    public string Name => _core.Name;

    /// <summary>
    /// Waits for every child, then completes like <c>RunAsync</c>: a <see cref="TaskGroupException"/> on failure,
    /// <see cref="OperationCanceledException"/> on outer cancellation, <see cref="TimeoutException"/> on the group's timeout.
    /// Calling it again returns the same task.
    /// </summary>
    /// <returns>The group's outcome.</returns>
    public Task JoinAsync()
    {
        Volatile.Write(ref _joinCalled, 1);
        if (Interlocked.Exchange(ref _ownerReleased, 1) == 0)
        {
            _core.ReleaseOwner();
        }

        return _core.Completion;
    }

    /// <summary>Without a prior <see cref="JoinAsync"/>: cancels, waits for every child and reports their errors as unobserved. Never throws.</summary>
    /// <returns>A task that completes when every child has finished.</returns>
    public async ValueTask DisposeAsync()
    {
        var joined = Volatile.Read(ref _joinCalled) == 1;
        if (Interlocked.Exchange(ref _ownerReleased, 1) == 0)
        {
            _core.Cancel();
            _core.ReleaseOwner();
        }

        Task completion = _core.Completion;
        await completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (completion.IsFaulted)
        {
            var error = completion.Exception!.InnerExceptions[0];
            if (!joined)
            {
                TaskGroup.ReportUnobserved(Name, error);
            }
        }
    }

    /// <inheritdoc />
    public ChildTask Spawn(Func<CancellationToken, Task> work, string? name = null) => _core.Spawn(work, name);

    /// <inheritdoc />
    public ChildTask<T> Spawn<T>(Func<CancellationToken, Task<T>> work, string? name = null) => _core.Spawn(work, name);

    /// <inheritdoc />
    public ValueTask<ChildTask<T>> SpawnAsync<T>(Func<CancellationToken, Task<T>> work, string? name = null) => _core.SpawnAsync(work, name);

    /// <inheritdoc />
    public ValueTask<ChildTask> SpawnAsync(Func<CancellationToken, Task> work, string? name = null) => _core.SpawnAsync(work, name);

    /// <inheritdoc />
    public Task<TStart> StartAsync<TStart>(Func<IStartStatus<TStart>, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        _core.StartAsync(work, cancellationToken);

    /// <inheritdoc />
    public void Cancel() => _core.Cancel();

    /// <inheritdoc />
    public CancellationToken Shield(TimeSpan budget) => _core.Shield(budget);
}
