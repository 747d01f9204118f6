using System.Linq;
using Microsoft.CodeAnalysis.Simplification;

namespace Warden.Analyzers.CodeFixes.Blocking;

/// <summary>
/// WD202 fix: <c>Thread.Sleep(d)</c> becomes <c>await Task.Delay(d, token)</c> with the CancellationToken in scope,
/// or <c>await Task.Delay(TimeSpan, timeProvider, token)</c> when a TimeProvider is in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ThreadSleepCodeFixProvider))]
[Shared]
public sealed class ThreadSleepCodeFixProvider : AwaitingCodeFixProvider
{
    private const string Title = "Await Task.Delay instead of Thread.Sleep";

    /// <summary>Creates the provider.</summary>
    public ThreadSleepCodeFixProvider()
        : base(DiagnosticIds.ThreadSleep)
    {
    }

    private protected override Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        if (node is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } sleep)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => FixAsync(document, root, sleep, cancellationToken), equivalenceKey: Title),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, SyntaxNode root, InvocationExpressionSyntax sleep, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return document;
        }

        var durationArgument = sleep.ArgumentList.Arguments[0].Expression;
        var duration = durationArgument.WithoutTrivia();
        var token = SymbolsInScope.FindCancellationToken(model, sleep);
        var timeProvider = HasTimeProviderDelay(model.Compilation) ? SymbolsInScope.FindTimeProvider(model, sleep) : null;

        var arguments = SyntaxFactory.SeparatedList<ArgumentSyntax>();
        if (timeProvider is not null)
        {
            var isTimeSpan = model.GetTypeInfo(durationArgument, cancellationToken).Type?.Name == "TimeSpan";
            arguments = arguments
                .Add(SyntaxFactory.Argument(isTimeSpan ? duration : SyntaxFactory.InvocationExpression(
                    Simplified("global::System.TimeSpan.FromMilliseconds"),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(duration))))))
                .Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(timeProvider)));
        }
        else
        {
            arguments = arguments.Add(SyntaxFactory.Argument(duration));
        }

        if (token is not null)
        {
            arguments = arguments.Add(SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)));
        }

        var delay = SyntaxFactory.InvocationExpression(Simplified("global::System.Threading.Tasks.Task.Delay"), SyntaxFactory.ArgumentList(arguments));
        return document.WithSyntaxRoot(root.ReplaceNode(sleep, AwaitSyntax.Replacing(sleep, delay)));
    }

    // Task.Delay(TimeSpan, TimeProvider, CancellationToken) exists from .NET 8.
    private static bool HasTimeProviderDelay(Compilation compilation) =>
        compilation.GetTypeByMetadataName("System.Threading.Tasks.Task")?.GetMembers("Delay")
            .OfType<IMethodSymbol>()
            .Any(m => m.Parameters.Any(p => p.Type.Name == "TimeProvider")) == true;

    private static ExpressionSyntax Simplified(string expression) =>
        SyntaxFactory.ParseExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);
}
