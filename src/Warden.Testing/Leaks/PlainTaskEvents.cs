using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Runtime.CompilerServices;
using Warden.Blocking;

namespace Warden.Testing.Leaks;

/// <summary>
/// Plain-task leak auditing from TPL causality events (through Warden's one shared TPL listener): an operation's begin is
/// raised inline on the thread that starts a task or suspends an async method, so the audit of that flow and the start
/// stack are known; its end is raised when it completes.
/// </summary>
internal static class PlainTaskEvents
{
    // AsyncCausalityOperation (operations begin and end) and AsyncCausalitySynchronousWork (which async method runs now).
    private const EventKeywords Keywords = (EventKeywords)(0x8 | 0x20);
    private const int TraceOperationBegin = 14;
    private const int TraceOperationEnd = 15;
    private const int TraceSynchronousWorkBegin = 17;
    private const int TraceSynchronousWorkEnd = 18;

    private static readonly AsyncLocal<PlainTaskRecorder?> CurrentRecorder = new();
    private static readonly ConcurrentDictionary<int, PlainTask> Live = new();

    // The operations whose code runs on this thread right now, innermost last: an async method's step (its MoveNext), or a
    // completed task's continuations (its end event comes only after them). The audit's caller is among them, not a leak.
    [ThreadStatic]
    private static Stack<int>? _running;

    public static PlainTaskRecorder? Current
    {
        get => CurrentRecorder.Value;
        set => CurrentRecorder.Value = value;
    }

    public static IDisposable Subscribe() => TplEventHub.Subscribe(Keywords, OnEvent);

    public static IReadOnlyList<PlainTask> LiveFor(PlainTaskRecorder recorder)
    {
        var running = _running is { } stack ? new HashSet<int>(stack) : [];
        return [.. Live.Values.Where(t => ReferenceEquals(t.Recorder, recorder) && t.StartSite.Length > 0 && !running.Contains(t.TaskId)).OrderBy(t => t.TaskId)];
    }

    public static void Forget(PlainTaskRecorder recorder)
    {
        foreach (var pair in Live)
        {
            if (ReferenceEquals(pair.Value.Recorder, recorder))
            {
                Live.TryRemove(pair.Key, out _);
            }
        }
    }

    private static void OnEvent(EventWrittenEventArgs eventData)
    {
        if (eventData.Payload is not { Count: > 0 } payload)
        {
            return;
        }

        if (eventData.EventId == TraceSynchronousWorkEnd)
        {
            if (_running is { Count: > 0 } running)
            {
                running.Pop();
            }

            return;
        }

        if (payload[0] is not int taskId)
        {
            return;
        }

        if (eventData.EventId == TraceSynchronousWorkBegin)
        {
            (_running ??= new Stack<int>()).Push(taskId);

            return;
        }

        if (eventData.EventId == TraceOperationEnd)
        {
            Live.TryRemove(taskId, out _);
            return;
        }

        if (eventData.EventId != TraceOperationBegin || CurrentRecorder.Value is not { IsRecording: true } recorder
            || payload.Count < 2 || payload[1] is not string operation)
        {
            return;
        }

        // Record first, describe after: the work may end (on another thread) while the stack is being read.
        var placeholder = new PlainTask(recorder, taskId, operation, string.Empty);
        Live[taskId] = placeholder;
        var site = StartSite();
        if (site is null)
        {
            Live.TryRemove(new KeyValuePair<int, PlainTask>(taskId, placeholder));
        }
        else
        {
            Live.TryUpdate(taskId, placeholder with { StartSite = site }, placeholder);
        }
    }

    // The first frame outside the runtime is the code that started the work; work the test framework or this kit
    // starts for itself is not the test's leak. File and line are read for that one frame only: reading them for the
    // whole stack is most of the cost of this mode.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? StartSite()
    {
        const int Skip = 3; // this method, OnEvent, and the shared listener's OnEventWritten
        var frames = new StackTrace(Skip, fNeedFileInfo: false).GetFrames();
        for (var i = 0; i < frames.Length; i++)
        {
            var method = frames[i].GetMethod();
            var type = method?.DeclaringType;
            var ns = type?.Namespace ?? string.Empty;
            if (method is null || type is null || ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal)
                || ns.StartsWith("Warden.Blocking", StringComparison.Ordinal))
            {
                continue;
            }

            if (ns.StartsWith("Xunit", StringComparison.Ordinal) || Loop.AsyncChainDescriber.IsKitNamespace(ns))
            {
                return null;
            }

            var frame = new StackFrame(Skip + i, needFileInfo: true);
            var file = frame.GetMethod() == method ? frame.GetFileName() : null;
            var where = file is null ? string.Empty : $" ({Path.GetFileName(file)}:{frame.GetFileLineNumber()})";
            var owner = type.DeclaringType is { } outer && type.Name.StartsWith('<') ? outer : type;
            return owner.FullName + "." + Loop.AsyncChainDescriber.SourceName(type, method.Name) + where;
        }

        return null;
    }
}
