using System.Collections.Concurrent;

namespace Warden;

/// <summary>The bookkeeping of <see cref="TaskGroup.RaceAsync{T}"/>: first success wins, losers are disposed, failures kept.</summary>
internal sealed class RaceState<T>
{
    private readonly ConcurrentQueue<Exception> _failures = new();
    private int _won;
    private T? _value;

    public void OnFault(TaskGroupChildFault fault) => _failures.Enqueue(fault.Exception);

    public async Task RunRacerAsync(Func<CancellationToken, Task<T>> racer, ITaskGroup group, CancellationToken token)
    {
        var value = await racer(token).ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref _won, 1, 0) == 0)
        {
            _value = value;
            group.Cancel();
        }
        else if (value is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync().ConfigureAwait(false);
        }
        else if (value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    public T Result()
    {
        if (Volatile.Read(ref _won) == 1)
        {
            return _value!;
        }

        if (!_failures.IsEmpty)
        {
            throw new TaskGroupException($"Every racer failed ({_failures.Count}).", _failures);
        }

        throw new OperationCanceledException("No result from race: every racer was cancelled.");
    }
}
