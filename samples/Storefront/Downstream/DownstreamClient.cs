using System.Text.Json;

namespace Storefront.Downstream;

/// <summary>
/// Calls the downstream service. It has a blocking and an awaiting variant of each call on purpose: the
/// sample compares the two shapes of the same work.
/// </summary>
public sealed class DownstreamClient(IHttpClientFactory httpClientFactory, DownstreamAddress address)
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for downstream calls.</summary>
    public const string HttpClientName = "downstream";

    /// <summary>Gets a value from the downstream service, blocking the calling thread until it arrives.</summary>
    public T Get<T>(string relativePath)
    {
        // Sync on purpose, for the sync baseline endpoint (SyncProductEndpoints); no rule fires in sync code.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address.BaseAddress, relativePath));
        using var response = httpClientFactory.CreateClient(HttpClientName).Send(request);
        response.EnsureSuccessStatusCode();
        using var body = response.Content.ReadAsStream();
        return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Downstream {relativePath} returned an empty body.");
    }

    /// <summary>Gets a value from the downstream service without blocking a thread.</summary>
    public async Task<T> GetAsync<T>(string relativePath, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        return await client.GetFromJsonAsync<T>(new Uri(address.BaseAddress, relativePath), JsonSerializerOptions.Web, cancellationToken)
            ?? throw new InvalidOperationException($"Downstream {relativePath} returned an empty body.");
    }

    /// <summary>Gets a downstream body as text, without blocking a thread.</summary>
    public Task<string> GetStringAsync(string relativePath, CancellationToken cancellationToken) =>
        httpClientFactory.CreateClient(HttpClientName).GetStringAsync(new Uri(address.BaseAddress, relativePath), cancellationToken);

    /// <summary>Posts an empty request and fails unless the downstream service accepts it.</summary>
    public async Task PostAsync(string relativePath, CancellationToken cancellationToken)
    {
        using var content = new StringContent(string.Empty);
        using var response = await httpClientFactory.CreateClient(HttpClientName)
            .PostAsync(new Uri(address.BaseAddress, relativePath), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
