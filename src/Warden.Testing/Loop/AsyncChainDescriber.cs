using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Warden.Testing.Loop;

/// <summary>
/// Describes what an incomplete task is waiting for by walking async state machines: the method, the await it is
/// suspended at, and the task that await is on, down to the leaf (a TaskCompletionSource nobody completed, a real-clock
/// delay...). It reads compiler- and runtime-private fields (<c>StateMachine</c>, <c>&lt;&gt;1__state</c>,
/// <c>&lt;&gt;u__N</c>, <c>m_task</c>), so on a runtime that changes them it degrades to the task's type and status.
/// </summary>
internal static class AsyncChainDescriber
{
    private const BindingFlags Fields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private const int MaxDepth = 16;

    public static void Describe(Task task, StringBuilder into, int depth)
    {
        into.AppendLine().Append(new string(' ', depth * 2));
        if (depth > MaxDepth)
        {
            into.Append("...");
            return;
        }

        var stateMachine = task.GetType().GetField("StateMachine", Fields)?.GetValue(task);
        if (stateMachine is IAsyncStateMachine machine)
        {
            var type = machine.GetType();
            var state = type.GetField("<>1__state", Fields)?.GetValue(machine);
            into.Append("async ").Append(MethodName(type)).Append(" (suspended at await #").Append(state is int s ? s + 1 : '?').Append(')');
            foreach (var awaited in AwaitedTasks(machine))
            {
                Describe(awaited, into, depth + 1);
            }

            return;
        }

        into.Append(Leaf(task));
    }

    public static string FirstUserFrame(StackTrace stack)
    {
        foreach (var frame in stack.GetFrames())
        {
            var method = frame.GetMethod();
            var ns = method?.DeclaringType?.Namespace;
            if (method?.DeclaringType is null || ns is null || ns.StartsWith("System", StringComparison.Ordinal)
                || ns.StartsWith("Microsoft", StringComparison.Ordinal) || IsKitNamespace(ns))
            {
                continue;
            }

            return typeof(IAsyncStateMachine).IsAssignableFrom(method.DeclaringType)
                ? MethodName(method.DeclaringType)
                : method.DeclaringType.FullName + "." + method.Name;
        }

        return "(no user frame)";
    }

    /// <summary>The method name as written in source for a frame's type and method (state machines and lambdas map back).</summary>
    public static string SourceName(Type type, string methodName)
    {
        if (typeof(IAsyncStateMachine).IsAssignableFrom(type))
        {
            return Unwrap(type.Name);
        }

        return Unwrap(methodName);
    }

    private static string Unwrap(string generatedName)
    {
        var close = generatedName.IndexOf('>', StringComparison.Ordinal);
        return generatedName.StartsWith('<') && close > 1 ? generatedName[1..close] : generatedName;
    }

    /// <summary>Whether a namespace is this kit's own code (not its tests), whose frames say nothing about the user's code.</summary>
    public static bool IsKitNamespace(string ns) =>
        ns == "Warden.Testing" || ns.StartsWith("Warden.Testing.Loop", StringComparison.Ordinal) || ns.StartsWith("Warden.Testing.Leaks", StringComparison.Ordinal);

    private static IEnumerable<Task> AwaitedTasks(IAsyncStateMachine machine)
    {
        foreach (var field in machine.GetType().GetFields(Fields))
        {
            if (!field.Name.StartsWith("<>u__", StringComparison.Ordinal))
            {
                continue;
            }

            // Awaiters are structs holding the awaited task (TaskAwaiter.m_task, ConfiguredTaskAwaiter.m_task, ValueTaskAwaiter._value._obj).
            var awaiter = field.GetValue(machine);
            if (FindTask(awaiter, 0) is { IsCompleted: false } awaited)
            {
                yield return awaited;
            }
        }
    }

    private static Task? FindTask(object? value, int depth)
    {
        if (value is Task task)
        {
            return task;
        }

        if (value is null || depth > 2 || !value.GetType().IsValueType)
        {
            return null;
        }

        foreach (var field in value.GetType().GetFields(Fields))
        {
            if (FindTask(field.GetValue(value), depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Leaf(Task task)
    {
        var name = task.GetType().Name;
        var what = name switch
        {
            _ when name.Contains("DelayPromise", StringComparison.Ordinal) => "Task.Delay on a clock the loop does not control (pass ctx.Time as the TimeProvider)",
            _ when name.Contains("WhenAll", StringComparison.Ordinal) => "Task.WhenAll of tasks that have not all completed",
            _ when name.Contains("WhenAny", StringComparison.Ordinal) => "Task.WhenAny of tasks none of which completed",
            _ when task.GetType() == typeof(Task) || (task.GetType().IsGenericType && task.GetType().GetGenericTypeDefinition() == typeof(Task<>))
                => "a task nobody completed (a TaskCompletionSource, a semaphore or channel wait, or work outside the loop)",
            _ => name,
        };
        return $"Task #{task.Id} ({task.Status}): {what}";
    }

    private static string MethodName(Type stateMachineType)
    {
        return (stateMachineType.DeclaringType?.FullName ?? "?") + "." + Unwrap(stateMachineType.Name);
    }
}
