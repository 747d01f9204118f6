using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>Recognises blocking waits (<c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>, ...) without allocating.</summary>
internal static class BlockingWait
{
    /// <summary>
    /// Classifies <paramref name="operation"/> (a property reference or an invocation) and returns the task being
    /// waited on in <paramref name="task"/> (null for WaitAll, WaitAny and the synchronisation primitives).
    /// </summary>
    public static BlockingWaitKind Classify(IOperation operation, WellKnownTypes types, out IOperation? task)
    {
        task = null;
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } instance } property
                when IsGenericTask(property.Property.ContainingType, types):
                task = instance;
                return BlockingWaitKind.Result;

            case IInvocationOperation invocation:
                return ClassifyInvocation(invocation, types, out task);

            default:
                return BlockingWaitKind.None;
        }
    }

    /// <summary>A short description of the wait for messages, e.g. "GetAwaiter().GetResult()".</summary>
    public static string Describe(BlockingWaitKind kind) => kind switch
    {
        BlockingWaitKind.Result => "Result",
        BlockingWaitKind.Wait => "Wait()",
        BlockingWaitKind.GetResult => "GetAwaiter().GetResult()",
        BlockingWaitKind.WaitAll => "Task.WaitAll",
        BlockingWaitKind.WaitAny => "Task.WaitAny",
        BlockingWaitKind.SemaphoreWait => "SemaphoreSlim.Wait",
        BlockingWaitKind.EventWait => "ManualResetEventSlim.Wait",
        _ => string.Empty,
    };

    /// <summary>Removes implicit conversions, parentheses and <c>ConfigureAwait(...)</c> around a task expression.</summary>
    public static IOperation StripConfigureAwait(IOperation task)
    {
        var current = task;
        while (true)
        {
            switch (current)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    current = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    current = instance;
                    continue;
                default:
                    return current;
            }
        }
    }

    private static BlockingWaitKind ClassifyInvocation(IInvocationOperation invocation, WellKnownTypes types, out IOperation? task)
    {
        task = null;
        var method = invocation.TargetMethod;
        var containingType = method.ContainingType?.OriginalDefinition;
        switch (method.Name)
        {
            case "Wait" when invocation.Instance is { } instance && WellKnownTypes.InheritsFromOrEquals(containingType, types.Task):
                if (IsZeroTimeout(invocation))
                {
                    return BlockingWaitKind.None;
                }

                task = instance;
                return BlockingWaitKind.Wait;

            case "Wait" when SymbolEqualityComparer.Default.Equals(containingType, types.SemaphoreSlim):
                return IsZeroTimeout(invocation) ? BlockingWaitKind.None : BlockingWaitKind.SemaphoreWait;

            case "Wait" when SymbolEqualityComparer.Default.Equals(containingType, types.ManualResetEventSlim):
                return IsZeroTimeout(invocation) ? BlockingWaitKind.None : BlockingWaitKind.EventWait;

            case "WaitAll" when method.IsStatic && SymbolEqualityComparer.Default.Equals(containingType, types.Task):
                return BlockingWaitKind.WaitAll;

            case "WaitAny" when method.IsStatic && SymbolEqualityComparer.Default.Equals(containingType, types.Task):
                return BlockingWaitKind.WaitAny;

            case "GetResult" when invocation.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter", Instance: { } awaitable }
                && types.IsTaskAwaiter(containingType):
                task = awaitable;
                return BlockingWaitKind.GetResult;

            default:
                return BlockingWaitKind.None;
        }
    }

    private static bool IsGenericTask(INamedTypeSymbol? type, WellKnownTypes types)
    {
        var definition = type?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, types.TaskOfT)
            || SymbolEqualityComparer.Default.Equals(definition, types.ValueTaskOfT);
    }

    // Wait(0) and Wait(TimeSpan.Zero) poll and return at once: they never block.
    private static bool IsZeroTimeout(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length == 0)
        {
            return false;
        }

        var first = invocation.Arguments[0].Value;
        if (first.ConstantValue is { HasValue: true, Value: 0 })
        {
            return true;
        }

        return first is IFieldReferenceOperation { Field.Name: "Zero", Field.ContainingType.Name: "TimeSpan" };
    }
}
