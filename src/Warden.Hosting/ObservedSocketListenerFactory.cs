using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Warden.Hosting;

/// <summary>
/// Kestrel's own socket transport, wrapped so that unbinding is observable: Kestrel's stop unbinds every
/// listener first and only then drains connections, and step 2 must end at the unbind, not after the drain.
/// </summary>
internal sealed class ObservedSocketListenerFactory : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    private readonly SocketTransportFactory _inner;
    private readonly ListenerTracker _tracker;

    public ObservedSocketListenerFactory(IOptions<SocketTransportOptions> options, ILoggerFactory loggerFactory, ListenerTracker tracker)
    {
        _inner = new SocketTransportFactory(options, loggerFactory);
        _tracker = tracker;
    }

    public bool CanBind(EndPoint endpoint) => _inner.CanBind(endpoint);

    public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var listener = await _inner.BindAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return new ObservedListener(listener, _tracker);
    }
}
