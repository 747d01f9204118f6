namespace Warden.Bench.Http;

/// <summary>The request an <see cref="HttpTarget"/> sends, the same every time.</summary>
public sealed record HttpRequestSpec
{
    /// <summary>The absolute URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>The method. Default GET.</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>Extra headers (name, value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body, or null for none.</summary>
    public ReadOnlyMemory<byte>? Body { get; init; }

    /// <summary>The body's content type. Default application/json.</summary>
    public string ContentType { get; init; } = "application/json";
}
