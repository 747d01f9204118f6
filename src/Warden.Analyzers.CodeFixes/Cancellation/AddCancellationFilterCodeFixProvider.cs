using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Warden.Analyzers.Cancellation;

namespace Warden.Analyzers.CodeFixes.Cancellation;

/// <summary>
/// Fix for WD501: <c>catch (Exception ex)</c> (or a bare <c>catch</c>) gets <c>when (ex is not OperationCanceledException)</c>;
/// <c>catch (OperationCanceledException)</c> gets <c>when (!token.IsCancellationRequested)</c>, so the caller's own
/// cancellation propagates while timeouts from elsewhere are still handled. An existing filter is kept with <c>&amp;&amp;</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCancellationFilterCodeFixProvider)), Shared]
public sealed class AddCancellationFilterCodeFixProvider : RuleCodeFixProvider
{
    private const string EquivalenceKey = "WD501.AddFilter";

    /// <summary>Creates the provider.</summary>
    public AddCancellationFilterCodeFixProvider()
        : base(SwallowedCancellationAnalyzer.Rule.Id)
    {
    }

    private protected override Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var clause = root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<CatchClauseSyntax>().FirstOrDefault();
        var catchesCancellation = diagnostic.Properties.ContainsKey(SwallowedCancellationAnalyzer.CatchesCancellationProperty);
        diagnostic.Properties.TryGetValue(SwallowedCancellationAnalyzer.TokenProperty, out var token);
        if (clause is null || (catchesCancellation && token is null))
        {
            return Task.CompletedTask;
        }

        var title = catchesCancellation ? $"Let '{token}' cancellation propagate" : "Let cancellation propagate";
        context.RegisterCodeFix(
            CodeAction.Create(title, cancellationToken => AddFilterAsync(context.Document, clause, catchesCancellation, token, cancellationToken), EquivalenceKey),
            diagnostic);
        return Task.CompletedTask;
    }

    // Rewrites the clause header as text, from `catch` to just before the block, so the block's layout is untouched.
    private static async Task<Document> AddFilterAsync(Document document, CatchClauseSyntax clause, bool catchesCancellation, string? token, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var declaration = clause.Declaration;
        string header;
        string condition;
        if (catchesCancellation)
        {
            header = declaration!.WithoutTrivia().ToString();
            condition = $"!{token}.IsCancellationRequested";
        }
        else
        {
            var name = declaration is { Identifier.ValueText.Length: > 0 } ? declaration.Identifier.ValueText : FreeName(clause);
            var type = declaration?.Type.WithoutTrivia().ToString() ?? TypeName(model!, clause.SpanStart, "Exception");
            header = $"({type} {name})";
            condition = $"{name} is not {TypeName(model!, clause.SpanStart, "OperationCanceledException")}";
        }

        if (clause.Filter is { } existing)
        {
            condition = $"{condition} && ({existing.FilterExpression.WithoutTrivia()})";
        }

        var span = TextSpan.FromBounds(clause.CatchKeyword.SpanStart, clause.Block.OpenBraceToken.GetPreviousToken().Span.End);
        return document.WithText(text.WithChanges(new TextChange(span, $"catch {header} when ({condition})")));
    }

    // "OperationCanceledException" where `using System;` is in effect, "System.OperationCanceledException" elsewhere.
    private static string TypeName(SemanticModel model, int position, string name) =>
        model.LookupNamespacesAndTypes(position, name: name).Any(symbol => symbol.ContainingNamespace?.ToDisplayString() == "System")
            ? name
            : "System." + name;

    private static string FreeName(CatchClauseSyntax clause)
    {
        var used = clause.Block.DescendantTokens().Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.ValueText).ToImmutableHashSet();
        var name = "ex";
        for (var i = 1; used.Contains(name); i++)
        {
            name = "ex" + i;
        }

        return name;
    }
}
