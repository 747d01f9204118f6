namespace Warden.Bench;

/// <summary>
/// What one request produced: success, or a failure of a named kind (<c>http-503</c>, <c>timeout</c>,
/// <c>connection-refused</c>, an exception type). Failures are counted by kind and never recorded as latency.
/// </summary>
/// <param name="ErrorKind">The kind of failure, or null for a success.</param>
public readonly record struct RequestOutcome(string? ErrorKind)
{
    /// <summary>The request succeeded.</summary>
    public static RequestOutcome Success => default;

    /// <summary>True when the request succeeded.</summary>
    public bool IsSuccess => ErrorKind is null;

    /// <summary>The request failed with a failure of the given kind.</summary>
    /// <param name="kind">A short stable name for the kind of failure, used as a key in the result file.</param>
    public static RequestOutcome Failure(string kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        return new RequestOutcome(kind);
    }
}
