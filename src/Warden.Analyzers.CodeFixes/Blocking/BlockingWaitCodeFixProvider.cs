using Warden.Analyzers.Blocking;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.CodeFixes.Blocking;

/// <summary>
/// WD201 fix: <c>t.Result</c>, <c>t.GetAwaiter().GetResult()</c> and <c>t.Wait()</c> become <c>await t</c>
/// (a ConfigureAwait in the chain is kept), <c>Task.WaitAll(a, b)</c> becomes <c>await Task.WhenAll(a, b)</c>,
/// and <c>semaphore.Wait(...)</c> becomes <c>await semaphore.WaitAsync(...)</c>. Waits whose async form would
/// change behaviour (timeouts on tasks, WaitAny, ManualResetEventSlim) get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingWaitCodeFixProvider))]
[Shared]
public sealed class BlockingWaitCodeFixProvider : AwaitingCodeFixProvider
{
    private const string Title = "Await instead of blocking";

    /// <summary>Creates the provider.</summary>
    public BlockingWaitCodeFixProvider()
        : base(DiagnosticIds.BlockingWait)
    {
    }

    private protected override async Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node is not ExpressionSyntax expression
            || !diagnostic.Properties.TryGetValue(BlockingWaitAnalyzer.KindProperty, out var kindName)
            || !System.Enum.TryParse<BlockingWaitKind>(kindName, out var kind))
        {
            return;
        }

        var model = kind == BlockingWaitKind.WaitAll
            ? await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false)
            : null;
        if (Rewrite(expression, kind, model) is not { } replacement)
        {
            return;
        }

        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(Title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, replacement))), equivalenceKey: Title),
            diagnostic);
    }

    private static ExpressionSyntax? Rewrite(ExpressionSyntax node, BlockingWaitKind kind, SemanticModel? model)
    {
        switch (kind)
        {
            case BlockingWaitKind.Result when node is MemberAccessExpressionSyntax resultAccess:
                return AwaitSyntax.Replacing(node, resultAccess.Expression);

            case BlockingWaitKind.Wait when node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax waitAccess }:
                return AwaitSyntax.Replacing(node, waitAccess.Expression);

            case BlockingWaitKind.GetResult when node is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter } },
            }:
                return AwaitSyntax.Replacing(node, getAwaiter.Expression);

            case BlockingWaitKind.WaitAll when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax waitAll } invocation
                && IsPlainWaitAll(model, invocation):
                return AwaitSyntax.Replacing(node, invocation.WithExpression(waitAll.WithName(SyntaxFactory.IdentifierName("WhenAll"))));

            case BlockingWaitKind.SemaphoreWait when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax semaphoreWait } invocation:
                return AwaitSyntax.Replacing(node, invocation.WithExpression(semaphoreWait.WithName(SyntaxFactory.IdentifierName("WaitAsync"))));

            default:
                return null;
        }
    }

    // Only WaitAll(params Task[]) maps to WhenAll; the overloads with a timeout or a token have more parameters,
    // and WhenAll has no such parameter.
    private static bool IsPlainWaitAll(SemanticModel? model, InvocationExpressionSyntax invocation) =>
        model?.GetSymbolInfo(invocation).Symbol is IMethodSymbol { Parameters.Length: 1 };
}
