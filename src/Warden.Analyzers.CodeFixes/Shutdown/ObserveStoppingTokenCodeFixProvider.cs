using Warden.Analyzers.Shutdown;

namespace Warden.Analyzers.CodeFixes.Shutdown;

/// <summary>
/// Fix for WD801 on loops: <c>while (true)</c> becomes <c>while (!stoppingToken.IsCancellationRequested)</c>, another
/// condition gets <c>!stoppingToken.IsCancellationRequested &amp;&amp;</c> in front, <c>for (;;)</c> gets the check as its
/// condition, and <c>await foreach (x in source)</c> reads <c>source.WithCancellation(stoppingToken)</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ObserveStoppingTokenCodeFixProvider)), Shared]
public sealed class ObserveStoppingTokenCodeFixProvider : RuleCodeFixProvider
{
    private const string EquivalenceKey = "WD801.CheckToken";

    /// <summary>Creates the provider.</summary>
    public ObserveStoppingTokenCodeFixProvider()
        : base(HostedLoopIgnoresTokenAnalyzer.Rule.Id)
    {
    }

    private protected override Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(HostedLoopIgnoresTokenAnalyzer.TokenProperty, out var token) && token is not null
            && root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is StatementSyntax loop
            && Rewrite(loop, token) is { } rewritten)
        {
            context.RegisterCodeFix(
                CodeAction.Create($"Stop when '{token}' is cancelled", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(loop, rewritten))), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static StatementSyntax? Rewrite(StatementSyntax loop, string token)
    {
        var check = SyntaxFactory.ParseExpression($"!{token}.IsCancellationRequested");
        switch (loop)
        {
            case WhileStatementSyntax @while:
                return @while.WithCondition(Combine(check, @while.Condition).WithTriviaFrom(@while.Condition));
            case DoStatementSyntax @do:
                return @do.WithCondition(Combine(check, @do.Condition).WithTriviaFrom(@do.Condition));
            case ForStatementSyntax { Condition: null } @for:
                return @for.WithCondition(check.WithLeadingTrivia(SyntaxFactory.Space));
            case ForStatementSyntax @for:
                return @for.WithCondition(Combine(check, @for.Condition).WithTriviaFrom(@for.Condition));
            case ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } forEach:
                var source = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(forEach.Expression.WithoutTrivia()), SyntaxFactory.IdentifierName("WithCancellation")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)))));
                return forEach.WithExpression(source.WithTriviaFrom(forEach.Expression));
            default:
                return null;
        }
    }

    private static ExpressionSyntax Combine(ExpressionSyntax check, ExpressionSyntax condition) =>
        condition.IsKind(SyntaxKind.TrueLiteralExpression)
            ? check
            : SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, check, Parenthesize(condition.WithoutTrivia()));

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or PrefixUnaryExpressionSyntax
            or LiteralExpressionSyntax or ParenthesizedExpressionSyntax or AwaitExpressionSyntax or ElementAccessExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression);
}
