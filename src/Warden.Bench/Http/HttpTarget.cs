using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Warden.Bench.Http;

/// <summary>
/// Sends one HTTP request per call over a shared keep-alive connection pool (one connection per concurrent
/// user, like wrk's <c>-c</c>), reads the whole body, and counts any status of 400 or above as a failure
/// named <c>http-STATUS</c>.
/// </summary>
public sealed class HttpTarget : IBenchTarget, IDisposable
{
    private readonly HttpClient _client;
    private readonly HttpRequestSpec _spec;

    /// <summary>Creates the target.</summary>
    /// <param name="name">The short name shown in tables.</param>
    /// <param name="spec">The request to send.</param>
    /// <param name="maxConnections">The most connections to open; the concurrency of the run.</param>
    public HttpTarget(string name, HttpRequestSpec spec, int maxConnections)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Name = name;
        _spec = spec;
#pragma warning disable CA2000 // The client owns the handler (disposeHandler: true).
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
#pragma warning restore CA2000
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Description => $"{_spec.Method} {_spec.Url}";

    /// <inheritdoc />
    public async ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(_spec.Method, _spec.Url);
        foreach (var (name, value) in _spec.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (_spec.Body is { } body)
        {
            request.Content = new ReadOnlyMemoryContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(_spec.ContentType);
        }

        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await DrainAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        return status >= 400 ? RequestOutcome.Failure("http-" + status.ToString(CultureInfo.InvariantCulture)) : RequestOutcome.Success;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
