using Microsoft.Extensions.Options;

namespace Storefront.Shutdown;

/// <summary>
/// An append-only file of completed requests (<c>--journal PATH</c>; off when empty). It stands for the
/// buffered clients a real service owns (a pool, an exporter): it must be flushed and closed at shutdown step 5,
/// after the last request finished, and it writes a final <c>closed</c> line when it is.
/// </summary>
public sealed class RequestJournal : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly StreamWriter? _writer;
    private bool _closed;

    /// <summary>Opens the journal file named by <see cref="StorefrontOptions.JournalPath"/>, if any.</summary>
    public RequestJournal(IOptions<StorefrontOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Value.JournalPath;
        if (!string.IsNullOrEmpty(path))
        {
            _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, useAsync: true));
        }
    }

    /// <summary>Appends one line and flushes it; does nothing when the journal is off or already closed.</summary>
    public async Task WriteAsync(string line, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_closed)
            {
                await _writer.WriteLineAsync(line.AsMemory(), cancellationToken);
                await _writer.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes the final <c>closed</c> line and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_writer is null)
        {
            return;
        }

        await _gate.WaitAsync();
        try
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            await _writer.WriteLineAsync("closed");
            await _writer.DisposeAsync();
        }
        finally
        {
            _gate.Release();
        }
    }
}
