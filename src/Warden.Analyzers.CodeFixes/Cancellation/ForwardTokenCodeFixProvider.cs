using System.Linq;
using Warden.Analyzers.Cancellation;

namespace Warden.Analyzers.CodeFixes.Cancellation;

/// <summary>
/// Fix for WD502: replaces <c>CancellationToken.None</c>/<c>default</c> with the token in scope, or adds the token
/// to a call that omitted it (as a named argument for an optional parameter, as a last argument for an overload).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForwardTokenCodeFixProvider)), Shared]
public sealed class ForwardTokenCodeFixProvider : RuleCodeFixProvider
{
    private const string EquivalenceKey = "WD502.ForwardToken";

    /// <summary>Creates the provider.</summary>
    public ForwardTokenCodeFixProvider()
        : base(TokenNotForwardedAnalyzer.Rule.Id)
    {
    }

    private protected override Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(TokenNotForwardedAnalyzer.TokenProperty, out var token) || token is null
            || !diagnostic.Properties.TryGetValue(TokenNotForwardedAnalyzer.KindProperty, out var kind))
        {
            return Task.CompletedTask;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        SyntaxNode? target = kind == TokenNotForwardedAnalyzer.ExplicitNone
            ? node as ExpressionSyntax
            : node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (target is null)
        {
            return Task.CompletedTask;
        }

        diagnostic.Properties.TryGetValue(TokenNotForwardedAnalyzer.ParameterProperty, out var parameter);
        context.RegisterCodeFix(
            CodeAction.Create($"Pass '{token}'", _ => Task.FromResult(Forward(context.Document, root, target, kind!, token, parameter)), EquivalenceKey),
            diagnostic);
        return Task.CompletedTask;
    }

    private static Document Forward(Document document, SyntaxNode root, SyntaxNode target, string kind, string token, string? parameter)
    {
        var tokenName = SyntaxFactory.IdentifierName(token);
        SyntaxNode replacement;
        if (kind == TokenNotForwardedAnalyzer.ExplicitNone)
        {
            replacement = tokenName.WithTriviaFrom(target);
        }
        else
        {
            var invocation = (InvocationExpressionSyntax)target;
            var argument = kind == TokenNotForwardedAnalyzer.OmittedOptional && parameter is not null
                ? SyntaxFactory.Argument(SyntaxFactory.NameColon(parameter), default, tokenName)
                : SyntaxFactory.Argument(tokenName);
            replacement = invocation.WithArgumentList(invocation.ArgumentList.AddArguments(argument));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(target, replacement));
    }
}
