using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Storefront.Downstream;

/// <summary>
/// Where the downstream service lives: the configured URL, or this process's own listener once it is
/// bound (so an ephemeral port works without extra configuration).
/// </summary>
public sealed class DownstreamAddress(IOptions<StorefrontOptions> options, IServer server)
{
    private Uri? _resolved;

    /// <summary>The base address of the downstream endpoints, ending with a slash.</summary>
    public Uri BaseAddress => _resolved ??= Resolve();

    private Uri Resolve()
    {
        if (options.Value.DownstreamUrl is { } configured)
        {
            return configured;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no bound address yet; downstream calls need the server to be started.");
        return new Uri(first.EndsWith('/') ? first : first + "/");
    }
}
