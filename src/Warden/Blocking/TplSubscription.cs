using System.Diagnostics.Tracing;

namespace Warden.Blocking;

/// <summary>One <see cref="TplEventHub"/> subscriber: its keywords and callback; disposing it unsubscribes.</summary>
internal sealed class TplSubscription(TplHubListener owner, EventKeywords keywords, Action<EventWrittenEventArgs> onEvent) : IDisposable
{
    private int _disposed;

    public EventKeywords Keywords { get; } = keywords;

    public Action<EventWrittenEventArgs> OnEvent { get; } = onEvent;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            owner.Remove(this);
        }
    }
}
