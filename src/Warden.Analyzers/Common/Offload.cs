using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>Recognises lambdas handed to a thread-pool offload (<c>Task.Run</c>, <c>TaskFactory.StartNew</c>, Warden's <c>Offload.Run*</c>).</summary>
internal static class Offload
{
    /// <summary>True when <paramref name="function"/> (a lambda operation) is an argument of an offloading call.</summary>
    public static bool IsOffloadedLambda(IOperation? function)
    {
        if (function is not IAnonymousFunctionOperation)
        {
            return false;
        }

        var parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation })
        {
            return false;
        }

        var method = invocation.TargetMethod;
        return method.ContainingType?.Name switch
        {
            "Task" => method.Name == "Run",
            "TaskFactory" => method.Name == "StartNew",
            "Offload" => method.Name.StartsWith("Run", System.StringComparison.Ordinal),
            _ => false,
        };
    }
}
