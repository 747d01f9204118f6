using System.Net;
using Warden.Bench.Http;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary>Checks a URL before load is sent to it: loopback unless --allow-remote, and answering at all.</summary>
internal static class TargetGuard
{
    private static readonly TimeSpan PreflightTimeout = TimeSpan.FromSeconds(5);

    public static Uri ParseUrl(string option, string text, bool allowRemote)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliUsageException($"{option} '{text}' is not an http:// or https:// URL; write it like http://127.0.0.1:5080/async/products/1.");
        }

        if (!allowRemote && !IsLoopback(url))
        {
            throw new CliUsageException($"{url.Host} is not a loopback address; warden bench sends heavy load, so pass --allow-remote if you own {url.Host} and mean to load it.");
        }

        return url;
    }

    /// <summary>Sends one request; an unreachable target is bad input, not a run full of errors.</summary>
    public static async Task PreflightAsync(HttpTarget target, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PreflightTimeout);
        try
        {
            await target.SendAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new CliUsageException($"cannot reach {url}: {ex.Message} Start the service or fix the URL, then run again.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliUsageException($"cannot reach {url}: no answer within {PreflightTimeout.TotalSeconds:0} s. Start the service or fix the URL, then run again.", ex);
        }
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
