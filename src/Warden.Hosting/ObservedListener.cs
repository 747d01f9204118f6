using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Warden.Hosting;

/// <summary>A Kestrel socket listener that tells <see cref="ListenerTracker"/> when it is unbound.</summary>
internal sealed class ObservedListener : IConnectionListener
{
    private readonly IConnectionListener _inner;
    private readonly ListenerTracker _tracker;
    private int _unbound;

    public ObservedListener(IConnectionListener inner, ListenerTracker tracker)
    {
        _inner = inner;
        _tracker = tracker;
        tracker.Bound();
    }

    public EndPoint EndPoint => _inner.EndPoint;

    public ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default) => _inner.AcceptAsync(cancellationToken);

    public async ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        await _inner.UnbindAsync(cancellationToken).ConfigureAwait(false);
        MarkUnbound();
    }

    public async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        MarkUnbound();
    }

    private void MarkUnbound()
    {
        if (Interlocked.Exchange(ref _unbound, 1) == 0)
        {
            _tracker.Unbound();
        }
    }
}
