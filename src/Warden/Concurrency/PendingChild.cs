namespace Warden;

/// <summary>
/// A child spawned while every <see cref="TaskGroupOptions.MaxConcurrency"/> slot was taken: only the delegate waits
/// (no task, no state machine). Its <see cref="Task"/> mirrors the real child once a slot lets it start.
/// </summary>
internal sealed class PendingChild<T> : SlotRequest, IThreadPoolWorkItem
{
    private readonly ITaskGroupEngine _group;
    private readonly Func<CancellationToken, Task> _work;
    private readonly string? _name;
    private readonly bool _typed;
    private readonly TaskCompletionSource<T> _mirror = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingChild(ITaskGroupEngine group, Func<CancellationToken, Task> work, string? name, bool typed)
    {
        _typed = typed;
        _group = group;
        _work = work;
        _name = name;
    }

    public Task<T> Task => _mirror.Task;

    public override void Grant() => ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);

    public override void Deny()
    {
        _mirror.TrySetCanceled(_group.Token);
        _group.ReleaseCount();
    }

#pragma warning disable WD301 // The group owns the child: MirrorAsync never throws and forwards the outcome to the awaited mirror.
    public void Execute() => _ = MirrorAsync(_group.StartWithSlot<T>(_work, _name, _typed));
#pragma warning restore WD301

    private async Task MirrorAsync(Task child)
    {
        await child.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (child.IsCompletedSuccessfully)
        {
#pragma warning disable WD201 // The task is complete: IsCompletedSuccessfully was checked on the same task just above.
            _mirror.TrySetResult(child is Task<T> typed ? typed.Result : default!);
#pragma warning restore WD201
        }
        else if (child.IsFaulted)
        {
            _mirror.TrySetException(child.Exception!.InnerExceptions);

            // The group already reports this failure; the mirror must not reach UnobservedTaskException too.
            _ = _mirror.Task.Exception;
        }
        else
        {
            _mirror.TrySetCanceled(CancellationOf(child));
        }
    }

    private static CancellationToken CancellationOf(Task canceled)
    {
        try
        {
            canceled.GetAwaiter().GetResult();
            return CancellationToken.None;
        }
        catch (OperationCanceledException oce)
        {
            return oce.CancellationToken;
        }
    }
}
