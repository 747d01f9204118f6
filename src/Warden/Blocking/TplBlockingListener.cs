using System.Diagnostics.Tracing;

namespace Warden.Blocking;

/// <summary>
/// The process's one listener on the runtime's TplEventSource (one per process: Sentry shipped a leak with one per request).
/// Events are enabled only while at least one <see cref="BlockingMonitor"/> is open, because any listener makes every
/// Task await emit events and wrap its continuation.
/// </summary>
internal sealed class TplBlockingListener : EventListener
{
    private const string TplSourceName = "System.Threading.Tasks.TplEventSource";

    // TaskTransfer (TaskWaitBegin), AsyncCausalityOperation (async method created/ended), AsyncCausalitySynchronousWork (MoveNext runs).
    private const EventKeywords Keywords = (EventKeywords)(0x1 | 0x8 | 0x20);
    private const int TaskWaitBegin = 10;
    private const int TraceOperationBegin = 14;
    private const int TraceOperationEnd = 15;
    private const int TraceSynchronousWorkBegin = 17;
    private const int TraceSynchronousWorkEnd = 18;
    private const int SynchronousBehavior = 1;
    private const int ExecutionWork = 2;

    private static readonly Lazy<TplBlockingListener> LazyInstance = new(() => new TplBlockingListener());

    // Field initializers run before the base constructor, which may already call OnEventSourceCreated.
    private readonly Lock _gate = new();
    private EventSource? _tplSource;
    private int _users;

    public static TplBlockingListener Instance => LazyInstance.Value;

    public void AddUser()
    {
        lock (_gate)
        {
            _users++;
            if (_users == 1 && _tplSource is not null)
            {
                EnableEvents(_tplSource, EventLevel.Verbose, Keywords);
            }
        }
    }

    public void RemoveUser()
    {
        lock (_gate)
        {
            _users--;
            if (_users == 0 && _tplSource is not null)
            {
                DisableEvents(_tplSource);
            }
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
            if (_users > 0)
            {
                EnableEvents(eventSource, EventLevel.Verbose, Keywords);
            }
        }
    }

    // Runs inline on the thread that raised the event, so stacks and AsyncLocal values are that thread's.
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var payload = eventData.Payload;
        if (payload is null)
        {
            return;
        }

        switch (eventData.EventId)
        {
            case TaskWaitBegin when payload.Count > 3 && AsInt(payload[3]) == SynchronousBehavior:
                FlowMonitoring.OnSynchronousWait();
                break;
            case TraceOperationBegin when payload.Count > 1 && payload[1] is string name && name.StartsWith("Async: ", StringComparison.Ordinal):
                FlowMonitoring.OnAsyncMethodSuspended(AsInt(payload[0]), name["Async: ".Length..]);
                break;
            case TraceOperationEnd when payload.Count > 0:
                FlowMonitoring.OnAsyncMethodEnded(AsInt(payload[0]));
                break;
            case TraceSynchronousWorkBegin when payload.Count > 1 && AsInt(payload[1]) == ExecutionWork:
                FlowMonitoring.OnMoveNextBegin(AsInt(payload[0]));
                break;
            case TraceSynchronousWorkEnd when payload.Count > 0 && AsInt(payload[0]) == ExecutionWork:
                FlowMonitoring.OnMoveNextEnd();
                break;
            default:
                break;
        }
    }

    private static int AsInt(object? value) => value switch
    {
        int i => i,
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => -1,
    };
}
