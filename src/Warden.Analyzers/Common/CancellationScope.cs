using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>
/// Answers the cancellation questions several rules share: which <see cref="System.Threading.CancellationToken"/> parameter is in scope, and
/// whether an argument is the "no token" value (<c>CancellationToken.None</c>, <c>default</c>).
/// </summary>
internal static class CancellationScope
{
    /// <summary>
    /// The nearest CancellationToken parameter visible at <paramref name="operation"/>: the enclosing lambda's or
    /// local function's own, then those of the functions around it (static lambdas see only their own).
    /// </summary>
    public static IParameterSymbol? TokenInScope(IOperation operation, ISymbol containingSymbol, INamedTypeSymbol cancellationToken)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            IMethodSymbol? function = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (function is null)
            {
                continue;
            }

            if (TokenParameter(function, cancellationToken) is { } token)
            {
                return token;
            }

            if (function.IsStatic)
            {
                return null;
            }
        }

        return containingSymbol is IMethodSymbol method ? TokenParameter(method, cancellationToken) : null;
    }

    /// <summary>True for <c>CancellationToken.None</c>, <c>default</c>, <c>default(CancellationToken)</c> and <c>new CancellationToken()</c>.</summary>
    public static bool IsNoToken(IOperation value, INamedTypeSymbol cancellationToken)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value switch
        {
            IPropertyReferenceOperation { Property.Name: "None" } none => SymbolEqualityComparer.Default.Equals(none.Property.ContainingType, cancellationToken),
            IDefaultValueOperation => true,
            IObjectCreationOperation { Arguments.Length: 0 } creation => SymbolEqualityComparer.Default.Equals(creation.Type, cancellationToken),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="operation"/> sits in a catch or finally block of the function it belongs to.</summary>
    public static bool InCleanupBlock(IOperation operation)
    {
        for (var current = operation; current.Parent is not null; current = current.Parent)
        {
            switch (current.Parent)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
                case ICatchClauseOperation:
                    return true;
                case ITryOperation tryOperation when tryOperation.Finally == current:
                    return true;
            }
        }

        return false;
    }

    private static IParameterSymbol? TokenParameter(IMethodSymbol method, INamedTypeSymbol cancellationToken)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, cancellationToken) && parameter.RefKind == RefKind.None)
            {
                return parameter;
            }
        }

        return null;
    }
}
