using Microsoft.CodeAnalysis.Simplification;

namespace Warden.Analyzers.CodeFixes.Common;

/// <summary>Builds <c>await</c> expressions that replace a blocking expression in place.</summary>
internal static class AwaitSyntax
{
    /// <summary>
    /// <c>(await operand)</c> carrying the original trivia; the parentheses are removed by the simplifier
    /// wherever they are not needed (e.g. kept in <c>(await t).Length</c>).
    /// </summary>
    public static ExpressionSyntax Replacing(ExpressionSyntax original, ExpressionSyntax operand) =>
        SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(operand.WithoutTrivia()))
            .WithAdditionalAnnotations(Simplifier.Annotation)
            .WithTriviaFrom(original);

    /// <summary>False inside a <c>lock</c> body or a query clause, where C# does not allow <c>await</c>.</summary>
    public static bool CanAwaitAt(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LockStatementSyntax:
                case QueryClauseSyntax:
                case SelectOrGroupClauseSyntax:
                case CatchFilterClauseSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }
}
