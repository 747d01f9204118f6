using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;

namespace Warden.Testing.Leaks;

/// <summary>
/// The process's one listener for plain-task leak auditing: TPL causality events say when a task or async method starts
/// (raised inline on the starting thread, so the audit of that flow and the start stack are known) and when it ends.
/// Events are enabled only while a plain-task audit is open.
/// </summary>
internal sealed class PlainTaskListener : EventListener
{
    private const string TplSourceName = "System.Threading.Tasks.TplEventSource";
    private const EventKeywords AsyncCausalityOperation = (EventKeywords)0x8;
    private const int TraceOperationBegin = 14;
    private const int TraceOperationEnd = 15;

    private static readonly Lazy<PlainTaskListener> LazyInstance = new(() => new PlainTaskListener());
    private static readonly AsyncLocal<PlainTaskRecorder?> CurrentRecorder = new();

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<int, PlainTask> _live = new();
    private EventSource? _tplSource;
    private int _users;

    public static PlainTaskListener Instance => LazyInstance.Value;

    public static PlainTaskRecorder? Current
    {
        get => CurrentRecorder.Value;
        set => CurrentRecorder.Value = value;
    }

    public IReadOnlyList<PlainTask> LiveFor(PlainTaskRecorder recorder) =>
        [.. _live.Values.Where(t => ReferenceEquals(t.Recorder, recorder)).OrderBy(t => t.TaskId)];

    public void Forget(PlainTaskRecorder recorder)
    {
        foreach (var pair in _live)
        {
            if (ReferenceEquals(pair.Value.Recorder, recorder))
            {
                _live.TryRemove(pair.Key, out _);
            }
        }
    }

    public void AddUser()
    {
        lock (_gate)
        {
            if (++_users == 1 && _tplSource is not null)
            {
                EnableEvents(_tplSource, EventLevel.Informational, AsyncCausalityOperation);
            }
        }
    }

    public void RemoveUser()
    {
        lock (_gate)
        {
            if (--_users == 0 && _tplSource is not null)
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
                EnableEvents(eventSource, EventLevel.Informational, AsyncCausalityOperation);
            }
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.Payload is not { Count: > 0 } payload || payload[0] is not int taskId)
        {
            return;
        }

        if (eventData.EventId == TraceOperationEnd)
        {
            _live.TryRemove(taskId, out _);
            return;
        }

        if (eventData.EventId != TraceOperationBegin || CurrentRecorder.Value is not { IsRecording: true } recorder
            || payload.Count < 2 || payload[1] is not string operation)
        {
            return;
        }

        // Raised on the starting thread: the first frame outside the runtime is the code that started the work.
        var site = StartSite(new StackTrace(2, fNeedFileInfo: true));
        if (site is not null)
        {
            _live[taskId] = new PlainTask(recorder, taskId, operation, site);
        }
    }

    private static string? StartSite(StackTrace stack)
    {
        foreach (var frame in stack.GetFrames())
        {
            var type = frame.GetMethod()?.DeclaringType;
            var ns = type?.Namespace ?? string.Empty;
            if (type is null || ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal))
            {
                continue;
            }

            // Work the test framework or this kit starts for itself is not the test's leak.
            if (ns.StartsWith("Xunit", StringComparison.Ordinal) || Loop.AsyncChainDescriber.IsKitNamespace(ns))
            {
                return null;
            }

            var line = frame.GetFileLineNumber();
            var file = frame.GetFileName();
            var where = file is null ? string.Empty : $" ({Path.GetFileName(file)}:{line})";
            var owner = type.DeclaringType is { } outer && type.Name.StartsWith('<') ? outer : type;
            return owner.FullName + "." + Loop.AsyncChainDescriber.SourceName(type, frame.GetMethod()!.Name) + where;
        }

        return null;
    }
}
