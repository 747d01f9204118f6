namespace Warden;

/// <summary>
/// <see cref="TaskGroup.ForEachAsync{T}(IAsyncEnumerable{T}, int, Func{T, CancellationToken, ValueTask}, CancellationToken, string)"/>
/// as a worker pool over one shared async enumerator; <c>MoveNextAsync</c> calls are serialised by an async gate.
/// </summary>
internal sealed class AsyncEnumerableWorkerPool<T> : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IAsyncEnumerable<T> _source;
    private readonly Func<T, CancellationToken, ValueTask> _body;
    private IAsyncEnumerator<T>? _enumerator;
    private bool _exhausted;

    public AsyncEnumerableWorkerPool(IAsyncEnumerable<T> source, Func<T, CancellationToken, ValueTask> body)
    {
        _source = source;
        _body = body;
    }

    /// <summary>Opens the source with the group's token, so cancelling the group also stops a slow source.</summary>
    public void Open(CancellationToken groupToken) => _enumerator = _source.GetAsyncEnumerator(groupToken);

    public async Task RunWorkerAsync(CancellationToken token)
    {
        while (true)
        {
            T item;
            await _gate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                if (_exhausted || token.IsCancellationRequested)
                {
                    return;
                }

                if (!await _enumerator!.MoveNextAsync().ConfigureAwait(false))
                {
                    _exhausted = true;
                    return;
                }

                item = _enumerator.Current;
            }
            finally
            {
                _gate.Release();
            }

            await _body(item, token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_enumerator is not null)
        {
            await _enumerator.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
