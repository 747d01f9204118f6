using System.Diagnostics.Tracing;

namespace Warden.Blocking;

/// <summary>The listener behind <see cref="TplEventHub"/>: enables the union of its subscribers' keywords and fans events out.</summary>
internal sealed class TplHubListener : EventListener
{
    private const string TplSourceName = "System.Threading.Tasks.TplEventSource";

    // Field initializers run before the base constructor, which may already call OnEventSourceCreated.
    private readonly Lock _gate = new();
    private TplSubscription[] _subscriptions = [];
    private EventSource? _tplSource;

    public IDisposable Add(EventKeywords keywords, Action<EventWrittenEventArgs> onEvent)
    {
        var subscription = new TplSubscription(this, keywords, onEvent);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
            Apply();
        }

        return subscription;
    }

    public void Remove(TplSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => !ReferenceEquals(s, subscription))];
            Apply();
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name != TplSourceName)
        {
            return;
        }

        lock (_gate)
        {
            _tplSource = eventSource;
            Apply();
        }
    }

    // Runs inline on the thread that raised the event, so stacks and AsyncLocal values are that thread's.
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            if ((subscription.Keywords & eventData.Keywords) != 0)
            {
                subscription.OnEvent(eventData);
            }
        }
    }

    private void Apply()
    {
        if (_tplSource is null)
        {
            return;
        }

        var subscriptions = _subscriptions;
        if (subscriptions.Length == 0)
        {
            DisableEvents(_tplSource);
            return;
        }

        var keywords = subscriptions.Aggregate((EventKeywords)0, (all, s) => all | s.Keywords);
        EnableEvents(_tplSource, EventLevel.Verbose, keywords);
    }
}
