using System.Diagnostics.Tracing;

namespace Warden.Blocking;

/// <summary>
/// The process's one listener on the runtime's TplEventSource, shared by every Warden detector that needs TPL events
/// (one listener per process: Sentry shipped a leak with one per request). Each subscriber names the keywords it needs;
/// the source is enabled with their union while any subscription is open, and turned off when the last one ends,
/// because any listener makes every Task await in the process emit events and wrap its continuation.
/// </summary>
public static class TplEventHub
{
    private static readonly Lazy<TplHubListener> Listener = new(() => new TplHubListener());

    /// <summary>Receives TPL events with <paramref name="keywords"/> until the result is disposed.</summary>
    /// <param name="keywords">The TplEventSource keywords needed (e.g. 0x1 TaskTransfer, 0x8 AsyncCausalityOperation).</param>
    /// <param name="onEvent">Called inline on the thread that raised the event; keep it short, never block or throw.</param>
    /// <returns>The subscription.</returns>
    public static IDisposable Subscribe(EventKeywords keywords, Action<EventWrittenEventArgs> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        return Listener.Value.Add(keywords, onEvent);
    }
}
