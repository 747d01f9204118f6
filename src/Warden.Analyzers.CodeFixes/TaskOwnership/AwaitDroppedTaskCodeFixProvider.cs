using Warden.Analyzers.TaskOwnership;

namespace Warden.Analyzers.CodeFixes.TaskOwnership;

/// <summary>
/// Fix for WD301: in async code, <c>FooAsync();</c> and <c>_ = FooAsync();</c> become <c>await FooAsync();</c>.
/// Sync code gets no fix: making the caller async is a design decision, not a mechanical edit.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitDroppedTaskCodeFixProvider)), Shared]
public sealed class AwaitDroppedTaskCodeFixProvider : RuleCodeFixProvider
{
    private const string EquivalenceKey = "WD301.Await";

    /// <summary>Creates the provider.</summary>
    public AwaitDroppedTaskCodeFixProvider()
        : base(TaskDroppedAnalyzer.Rule.Id)
    {
    }

    private protected override Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax call
            && call is not ConditionalAccessExpressionSyntax
            && StatementOf(call) is ExpressionStatementSyntax statement
            && AsyncSyntax.IsInAsyncFunction(statement))
        {
            context.RegisterCodeFix(
                CodeAction.Create("Await the task", _ => Task.FromResult(Await(context.Document, root, statement, call)), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static ExpressionStatementSyntax? StatementOf(ExpressionSyntax call) => call.Parent switch
    {
        ExpressionStatementSyntax statement => statement,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Parent: ExpressionStatementSyntax statement } => statement,
        _ => null,
    };

    private static Document Await(Document document, SyntaxNode root, ExpressionStatementSyntax statement, ExpressionSyntax call)
    {
        var awaited = SyntaxFactory.AwaitExpression(call.WithoutTrivia()).WithTriviaFrom(statement.Expression);
        var replacement = statement.WithExpression(awaited);
        return document.WithSyntaxRoot(root.ReplaceNode(statement, replacement));
    }
}
