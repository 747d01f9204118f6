using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>
/// The innermost function (method, accessor, local function, lambda or anonymous method) around an operation,
/// found by walking the operation's parents; nothing is allocated.
/// </summary>
internal readonly struct ContainingFunction
{
    private ContainingFunction(IMethodSymbol? symbol, IOperation? operation, bool insideLock)
    {
        Symbol = symbol;
        Operation = operation;
        InsideLock = insideLock;
    }

    /// <summary>The function's symbol; null when the operation is not inside a function (a field initializer).</summary>
    public IMethodSymbol? Symbol { get; }

    /// <summary>The lambda or local function operation; null when the function is the member itself.</summary>
    public IOperation? Operation { get; }

    /// <summary>True when a <c>lock</c> statement of the same function encloses the operation (no await possible there).</summary>
    public bool InsideLock { get; }

    /// <summary>True when the function is declared <c>async</c> (including top-level statements that await).</summary>
    public bool IsAsync => Symbol is { IsAsync: true };

    /// <summary>Finds the function around <paramref name="operation"/>; <paramref name="containingSymbol"/> is the analysis context's.</summary>
    public static ContainingFunction Of(IOperation operation, ISymbol containingSymbol)
    {
        var insideLock = false;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda:
                    return new ContainingFunction(lambda.Symbol, lambda, insideLock);
                case ILocalFunctionOperation localFunction:
                    return new ContainingFunction(localFunction.Symbol, localFunction, insideLock);
                case ILockOperation:
                    insideLock = true;
                    break;
            }
        }

        return new ContainingFunction(containingSymbol as IMethodSymbol, null, insideLock);
    }

    /// <summary>True when <paramref name="operation"/> runs directly in async code (an async method, lambda or local function).</summary>
    public static bool IsInAsyncCode(IOperation operation, ISymbol containingSymbol) =>
        Of(operation, containingSymbol).IsAsync;
}
