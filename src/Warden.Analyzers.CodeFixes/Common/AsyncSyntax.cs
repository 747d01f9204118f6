namespace Warden.Analyzers.CodeFixes.Common;

/// <summary>Syntax questions the fixes share: is this code inside an async function, and which one.</summary>
internal static class AsyncSyntax
{
    /// <summary>The nearest method, local function, lambda or anonymous method around <paramref name="node"/>.</summary>
    public static SyntaxNode? EnclosingFunction(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax)
            {
                return ancestor;
            }
        }

        return null;
    }

    /// <summary>True when the function around <paramref name="node"/> is declared async, so an <c>await</c> can go there.</summary>
    public static bool IsInAsyncFunction(SyntaxNode node) => EnclosingFunction(node) switch
    {
        MethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        _ => false,
    };
}
