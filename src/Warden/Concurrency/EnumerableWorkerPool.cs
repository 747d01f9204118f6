namespace Warden;

/// <summary>
/// <see cref="TaskGroup.ForEachAsync{T}(IEnumerable{T}, int, Func{T, CancellationToken, ValueTask}, CancellationToken, string)"/>
/// and <c>SelectAsync</c> as a worker pool: a fixed number of workers pull lazily from one shared enumerator, so the
/// live tasks are O(limit) however long the source is. Results, if any, land at their input index.
/// </summary>
internal sealed class EnumerableWorkerPool<T, TResult>
{
    private readonly Lock _gate = new();
    private readonly IEnumerator<T> _source;
    private readonly Func<T, CancellationToken, ValueTask>? _body;
    private readonly Func<T, CancellationToken, ValueTask<TResult>>? _selector;
    private readonly ResultBuffer<TResult>? _results;
    private bool _exhausted;
    private int _next;

    public EnumerableWorkerPool(IEnumerator<T> source, Func<T, CancellationToken, ValueTask> body)
    {
        _source = source;
        _body = body;
    }

    public EnumerableWorkerPool(IEnumerator<T> source, Func<T, CancellationToken, ValueTask<TResult>> selector, int? knownCount)
    {
        _source = source;
        _selector = selector;
        _results = new ResultBuffer<TResult>(knownCount);
    }

    public TResult[] Results() => _results!.ToArray(_next);

    public async Task RunWorkerAsync(CancellationToken token)
    {
        while (true)
        {
            T item;
            int index;
            lock (_gate)
            {
                if (_exhausted || token.IsCancellationRequested)
                {
                    return;
                }

                if (!_source.MoveNext())
                {
                    _exhausted = true;
                    return;
                }

                item = _source.Current;
                index = _next++;
                _results?.Reserve(index);
            }

            if (_selector is null)
            {
                await _body!(item, token).ConfigureAwait(false);
            }
            else
            {
                _results!.Set(index, await _selector(item, token).ConfigureAwait(false));
            }
        }
    }
}
