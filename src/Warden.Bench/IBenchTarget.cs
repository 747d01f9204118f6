namespace Warden.Bench;

/// <summary>Something the engine sends load to: an HTTP endpoint, or a delegate in this process.</summary>
public interface IBenchTarget
{
    /// <summary>A short name shown in tables and stored in the result file (for example <c>sync</c>).</summary>
    string Name { get; }

    /// <summary>A longer description, such as the URL, stored in the result file.</summary>
    string Description { get; }

    /// <summary>
    /// Sends one request. Returns the outcome; may throw, in which case the engine counts the exception's type
    /// as the failure kind. The token is cancelled when the request times out or the run is stopped.
    /// </summary>
    ValueTask<RequestOutcome> SendAsync(CancellationToken cancellationToken);
}
