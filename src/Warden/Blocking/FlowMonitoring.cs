using System.Collections.Concurrent;
using System.Diagnostics;

namespace Warden.Blocking;

/// <summary>
/// Routes TPL events to the <see cref="BlockingMonitor"/> of the async flow that raised them. The monitor is an
/// <see cref="AsyncLocal{T}"/>, so work started inside a monitored scope (awaits, Task.Run, timers) is monitored
/// and parallel work elsewhere in the process is not.
/// </summary>
internal static class FlowMonitoring
{
    private static readonly AsyncLocal<BlockingMonitor?> CurrentMonitor = new();
    private static readonly AsyncLocal<bool> SuppressedFlow = new();

    // Async methods that first suspended inside a monitor, by state machine box id: who times them, and where they started.
    private static readonly ConcurrentDictionary<int, MonitoredAsyncMethod> Methods = new();

    [ThreadStatic]
    private static Stack<RunningMoveNext?>? _running;

    public static BlockingMonitor? Current => CurrentMonitor.Value;

    public static void Enter(BlockingMonitor monitor) => CurrentMonitor.Value = monitor;

    public static void Restore(BlockingMonitor? previous) => CurrentMonitor.Value = previous;

    public static bool Suppressed
    {
        get => SuppressedFlow.Value;
        set => SuppressedFlow.Value = value;
    }

    public static void OnSynchronousWait()
    {
        var monitor = CurrentMonitor.Value;
        if (monitor is null || !monitor.IsActive || SuppressedFlow.Value)
        {
            return;
        }

        if (monitor.Options.PoolThreadsOnly && !Thread.CurrentThread.IsThreadPoolThread)
        {
            return;
        }

        // Skip the listener frames; the stack is the blocking thread's own, so it contains the caller of .Result/.Wait().
        var stack = new StackTrace(2, fNeedFileInfo: true);
        monitor.Add(new BlockingReport(BlockingKind.SyncWait, CallSiteNames.FirstUserFrame(stack), stack, Environment.CurrentManagedThreadId, null));
    }

    public static void OnAsyncMethodSuspended(int boxId, string stateMachineName)
    {
        var monitor = CurrentMonitor.Value;
        if (monitor is null || !monitor.IsActive || monitor.Options.SlowContinuationThreshold is null || SuppressedFlow.Value)
        {
            return;
        }

        // The box is created at the method's first real suspension, inside its MoveNext: this stack names the method and its caller.
        var stack = new StackTrace(2, fNeedFileInfo: true);
        Methods[boxId] = new MonitoredAsyncMethod(boxId, monitor, NameFromStack(stack, stateMachineName), stack);
    }

    public static void OnAsyncMethodEnded(int boxId)
    {
        Methods.TryRemove(boxId, out _);

        // The method's last step is still running, but its awaiters resume as soon as this returns: judge it now,
        // so a caller that awaits the method and then ends the monitor does not miss it.
        if (_running is { Count: > 0 } running && running.Peek() is { } frame && frame.Method.BoxId == boxId)
        {
            Judge(frame, running);
        }
    }

    public static void OnMoveNextBegin(int boxId)
    {
        var running = _running ??= new Stack<RunningMoveNext?>();
        running.Push(Methods.TryGetValue(boxId, out var method) && method.Monitor.IsActive
            ? new RunningMoveNext(method, method.Monitor.Options.TimeProvider.GetTimestamp())
            : null);
    }

    public static void OnMoveNextEnd()
    {
        if (_running is not { Count: > 0 } running)
        {
            return;
        }

        var frame = running.Pop();
        if (frame is not null)
        {
            Judge(frame, running);
        }
    }

    private static void Judge(RunningMoveNext frame, Stack<RunningMoveNext?> outerFrames)
    {
        if (frame.Judged)
        {
            return;
        }

        frame.Judged = true;
        var monitor = frame.Method.Monitor;
        var elapsed = monitor.Options.TimeProvider.GetElapsedTime(frame.StartedAt);
        var slow = monitor.Options.SlowContinuationThreshold is { } threshold && elapsed > threshold;
        if (slow && !frame.InnerReported && monitor.IsActive)
        {
            monitor.Add(new BlockingReport(BlockingKind.SlowContinuation, frame.Method.Name, frame.Method.StartStack, Environment.CurrentManagedThreadId, elapsed));
        }

        // An inline continuation runs inside its caller's MoveNext: report the innermost slow one only.
        foreach (var outer in outerFrames)
        {
            if (outer is not null && !ReferenceEquals(outer, frame) && (slow || frame.InnerReported))
            {
                outer.InnerReported = true;
                break;
            }
        }
    }

    private static string NameFromStack(StackTrace stack, string stateMachineName)
    {
        foreach (var frame in stack.GetFrames())
        {
            if (frame.GetMethod() is { DeclaringType.Name: var typeName } method && typeName == stateMachineName)
            {
                return CallSiteNames.Describe(method);
            }
        }

        return CallSiteNames.SourceMethodName(stateMachineName);
    }
}
