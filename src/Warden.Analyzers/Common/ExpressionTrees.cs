using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>
/// Whether code sits in a lambda that is converted to an expression tree (<c>Expression&lt;Action&lt;T&gt;&gt;</c>, as
/// mocking libraries' <c>Verify(m =&gt; m.SaveAsync())</c> take): such code is data describing a call, never run.
/// </summary>
internal static class ExpressionTrees
{
    /// <summary>True when an enclosing lambda of <paramref name="operation"/> becomes an expression tree.</summary>
    public static bool IsInside(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation && current.Parent is IConversionOperation { Type: { } target } && IsLambdaExpression(target))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLambdaExpression(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "LambdaExpression", ContainingNamespace: { Name: "Expressions", ContainingNamespace: { Name: "Linq", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
            {
                return true;
            }
        }

        return false;
    }
}
