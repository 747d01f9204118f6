namespace Storefront;

/// <summary>Settings of the sample, bound from the <c>Storefront</c> configuration section.</summary>
public sealed class StorefrontOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storefront";

    /// <summary>The loopback port to listen on; 0 picks a free port. Defaults to 5080.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>How long each fake downstream call takes, in milliseconds. Defaults to 20.</summary>
    public int DownstreamLatencyMs { get; set; } = 20;

    /// <summary>
    /// Base address of the downstream service. Empty means this process's own listener, which serves the
    /// fake downstream endpoints under <c>/downstream</c>.
    /// </summary>
    public Uri? DownstreamUrl { get; set; }

    /// <summary>A file that gets one line per completed request and a final <c>closed</c> line at shutdown; empty means off.</summary>
    public string? JournalPath { get; set; }
}
