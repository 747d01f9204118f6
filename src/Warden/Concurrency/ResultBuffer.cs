namespace Warden;

/// <summary>
/// Results of <c>SelectAsync</c> stored at their input index while workers write concurrently. With a known count it is
/// one exact array; otherwise fixed-size chunks that never move, so a write never races with growth.
/// </summary>
internal sealed class ResultBuffer<TResult>
{
    private const int ChunkShift = 14;
    private const int ChunkSize = 1 << ChunkShift;
    private readonly TResult[]? _exact;
    private readonly List<TResult[]>? _chunks;

    public ResultBuffer(int? knownCount)
    {
        if (knownCount is { } count)
        {
            _exact = new TResult[count];
        }
        else
        {
            _chunks = [];
        }
    }

    /// <summary>Makes room for <paramref name="index"/>; called under the pool's lock, in index order.</summary>
    public void Reserve(int index)
    {
        if (_exact is not null)
        {
            if (index >= _exact.Length)
            {
                throw new InvalidOperationException("The source yielded more items than its count said; do not change a collection while SelectAsync runs over it.");
            }

            return;
        }

        lock (_chunks!)
        {
            if ((index >> ChunkShift) >= _chunks.Count)
            {
                _chunks.Add(new TResult[ChunkSize]);
            }
        }
    }

    public void Set(int index, TResult value)
    {
        if (_exact is not null)
        {
            _exact[index] = value;
        }
        else
        {
            GetChunk(index)[index & (ChunkSize - 1)] = value;
        }
    }

    public TResult[] ToArray(int count)
    {
        if (_exact is not null && _exact.Length == count)
        {
            return _exact;
        }

        var all = new TResult[count];
        for (var i = 0; i < count; i++)
        {
            all[i] = _exact is not null ? _exact[i] : GetChunk(i)[i & (ChunkSize - 1)];
        }

        return all;
    }

    private TResult[] GetChunk(int index)
    {
        lock (_chunks!)
        {
            return _chunks[index >> ChunkShift];
        }
    }
}
