using System.Diagnostics.Tracing;

namespace Warden.Blocking;

/// <summary>Turns the TPL events the blocking detector needs into calls on <see cref="FlowMonitoring"/>.</summary>
internal static class BlockingEventRouter
{
    // TaskTransfer (TaskWaitBegin) for waits; AsyncCausalityOperation (async method suspended/ended) and
    // AsyncCausalitySynchronousWork (MoveNext runs) only for timing continuations, because they fire on every step.
    private const EventKeywords WaitKeywords = (EventKeywords)0x1;
    private const EventKeywords TimingKeywords = (EventKeywords)(0x8 | 0x20);
    private const int TaskWaitBegin = 10;
    private const int TraceOperationBegin = 14;
    private const int TraceOperationEnd = 15;
    private const int TraceSynchronousWorkBegin = 17;
    private const int TraceSynchronousWorkEnd = 18;
    private const int SynchronousBehavior = 1;
    private const int ExecutionWork = 2;
    private const string AsyncPrefix = "Async: ";

    public static IDisposable Subscribe(bool timeContinuations) =>
        TplEventHub.Subscribe(timeContinuations ? WaitKeywords | TimingKeywords : WaitKeywords, OnEvent);

    private static void OnEvent(EventWrittenEventArgs eventData)
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
            case TraceOperationBegin when payload.Count > 1 && payload[1] is string name && name.StartsWith(AsyncPrefix, StringComparison.Ordinal):
                FlowMonitoring.OnAsyncMethodSuspended(AsInt(payload[0]), name[AsyncPrefix.Length..]);
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
