using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Warden.Analyzers.Common;

/// <summary>Syntax-level helpers about the function (method, accessor, local function, lambda) around a node.</summary>
internal static class FunctionSyntax
{
    /// <summary>The innermost function declaration around <paramref name="node"/>, or the compilation unit for top-level statements.</summary>
    public static SyntaxNode? FindContaining(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (IsFunction(current)
                || current is BasePropertyDeclarationSyntax
                || current is CompilationUnitSyntax)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>True for nodes that start a new function body (lambdas, anonymous methods, local functions, methods, accessors).</summary>
    public static bool IsFunction(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax
            or LocalFunctionStatementSyntax
            or BaseMethodDeclarationSyntax
            or AccessorDeclarationSyntax;

    /// <summary>True for nested functions whose bodies run at another time than the enclosing function.</summary>
    public static bool IsNestedFunction(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;
}
