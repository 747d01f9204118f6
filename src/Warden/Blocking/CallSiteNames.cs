using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Warden.Blocking;

/// <summary>Turns stack frames into the names a developer wrote: state machines and lambdas map back to their method.</summary>
internal static class CallSiteNames
{
    /// <summary>The name of a frame's method as written in source, e.g. <c>Shop.Checkout.PayAsync</c>.</summary>
    public static string Describe(MethodBase method)
    {
        var type = method.DeclaringType;
        if (type is null)
        {
            return method.Name;
        }

        // An async method's body lives in a compiler-generated state machine "<PayAsync>d__3" nested in the real type.
        if (type.DeclaringType is { } outer && typeof(IAsyncStateMachine).IsAssignableFrom(type))
        {
            return outer.FullName + "." + SourceMethodName(type.Name);
        }

        return type.FullName + "." + method.Name;
    }

    /// <summary>"&lt;PayAsync&gt;d__3" becomes "PayAsync"; other names are returned unchanged.</summary>
    public static string SourceMethodName(string generatedName)
    {
        var open = generatedName.IndexOf('<', StringComparison.Ordinal);
        var close = generatedName.IndexOf('>', StringComparison.Ordinal);
        return open == 0 && close > 1 ? generatedName[1..close] : generatedName;
    }

    /// <summary>The first frame that belongs to user code rather than the runtime or this detector.</summary>
    public static string FirstUserFrame(StackTrace stack)
    {
        foreach (var frame in stack.GetFrames())
        {
            var method = frame.GetMethod();
            var ns = method?.DeclaringType?.Namespace;
            if (method is null || ns is null || IsInfrastructure(ns))
            {
                continue;
            }

            return Describe(method);
        }

        return "(no user frame on the stack)";
    }

    /// <summary>Whether any frame of the stack, or the extra name, matches an allow-list entry.</summary>
    public static bool IsAllowed(StackTrace stack, IList<string> allowed, string? extraName = null)
    {
        if (allowed.Count == 0)
        {
            return false;
        }

        if (extraName is not null && Matches(extraName, extraName, allowed))
        {
            return true;
        }

        foreach (var frame in stack.GetFrames())
        {
            if (frame.GetMethod() is { DeclaringType: not null } method
                && Matches(Describe(method), method.DeclaringType.FullName ?? string.Empty, allowed))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string methodName, string typeName, IList<string> allowed)
    {
        foreach (var entry in allowed)
        {
            if (string.Equals(entry, methodName, StringComparison.Ordinal) || typeName.StartsWith(entry, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInfrastructure(string ns) =>
        ns.StartsWith("System", StringComparison.Ordinal)
        || ns.StartsWith("Microsoft", StringComparison.Ordinal)
        || ns.StartsWith("Xunit", StringComparison.Ordinal)
        || ns.StartsWith("Warden.Blocking", StringComparison.Ordinal);
}
