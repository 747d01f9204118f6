using Warden.Analyzers.Blocking;

namespace Warden.Analyzers.CodeFixes.Blocking;

/// <summary>
/// WD203 fix: <c>x.Read(args)</c> becomes <c>await x.ReadAsync(args, token)</c>, passing the CancellationToken in
/// scope when the counterpart accepts one. Offered only when the counterpart takes exactly the same arguments.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SynchronousCallCodeFixProvider))]
[Shared]
public sealed class SynchronousCallCodeFixProvider : AwaitingCodeFixProvider
{
    private const string EquivalenceKey = "AwaitAsyncCounterpart";

    /// <summary>Creates the provider.</summary>
    public SynchronousCallCodeFixProvider()
        : base(DiagnosticIds.SynchronousCall)
    {
    }

    private protected override Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (node is not InvocationExpressionSyntax call
            || !properties.TryGetValue(SynchronousCallAnalyzer.CounterpartProperty, out var counterpart) || counterpart is null
            || !properties.TryGetValue(SynchronousCallAnalyzer.SameParametersProperty, out var same) || same != "True"
            || WithName(call.Expression, counterpart) is not { } renamed)
        {
            return Task.CompletedTask;
        }

        properties.TryGetValue(SynchronousCallAnalyzer.TokenParameterProperty, out var tokenParameter);
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Await '{counterpart}'",
                cancellationToken => FixAsync(document, root, call, renamed, tokenParameter, cancellationToken),
                equivalenceKey: EquivalenceKey),
            diagnostic);
        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(
        Document document,
        SyntaxNode root,
        InvocationExpressionSyntax call,
        ExpressionSyntax renamed,
        string? tokenParameter,
        CancellationToken cancellationToken)
    {
        var arguments = call.ArgumentList;
        if (tokenParameter is not null
            && await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is { } model
            && SymbolsInScope.FindCancellationToken(model, call) is { } token)
        {
            var argument = SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token));
            foreach (var existing in arguments.Arguments)
            {
                if (existing.NameColon is not null)
                {
                    argument = argument.WithNameColon(SyntaxFactory.NameColon(tokenParameter));
                    break;
                }
            }

            arguments = arguments.AddArguments(argument);
        }

        var asyncCall = call.WithExpression(renamed).WithArgumentList(arguments);
        return document.WithSyntaxRoot(root.ReplaceNode(call, AwaitSyntax.Replacing(call, asyncCall)));
    }

    private static ExpressionSyntax? WithName(ExpressionSyntax callee, string name) => callee switch
    {
        MemberAccessExpressionSyntax access => access.WithName(Renamed(access.Name, name)),
        SimpleNameSyntax simple => Renamed(simple, name),
        MemberBindingExpressionSyntax => null,
        _ => null,
    };

    private static SimpleNameSyntax Renamed(SimpleNameSyntax name, string newName) =>
        name.WithIdentifier(SyntaxFactory.Identifier(newName).WithTriviaFrom(name.Identifier));
}
