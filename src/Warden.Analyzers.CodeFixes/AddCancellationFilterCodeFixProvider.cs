using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Warden.Analyzers.CodeFixes;

/// <summary>
/// Fix for WD501: <c>catch (Exception ex)</c> (or a bare <c>catch</c>) gets <c>when (ex is not OperationCanceledException)</c>;
/// <c>catch (OperationCanceledException)</c> gets <c>when (!token.IsCancellationRequested)</c>, so the caller's own
/// cancellation propagates while timeouts from elsewhere are still handled. An existing filter is kept with <c>&amp;&amp;</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddCancellationFilterCodeFixProvider)), Shared]
public sealed class AddCancellationFilterCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = "WD501.AddFilter";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(SwallowedCancellationAnalyzer.Rule.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var clause = root!.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<CatchClauseSyntax>().FirstOrDefault();
            if (clause is null)
            {
                continue;
            }

            var catchesCancellation = diagnostic.Properties.ContainsKey(SwallowedCancellationAnalyzer.CatchesCancellationProperty);
            diagnostic.Properties.TryGetValue(SwallowedCancellationAnalyzer.TokenProperty, out var token);
            if (catchesCancellation && token is null)
            {
                continue;
            }

            var title = catchesCancellation ? $"Let '{token}' cancellation propagate" : "Let cancellation propagate";
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => AddFilterAsync(context.Document, clause, catchesCancellation, token, cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AddFilterAsync(Document document, CatchClauseSyntax clause, bool catchesCancellation, string? token, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var declaration = clause.Declaration;
        ExpressionSyntax condition;
        if (catchesCancellation)
        {
            condition = SyntaxFactory.ParseExpression($"!{token}.IsCancellationRequested");
        }
        else
        {
            var name = declaration is { Identifier.ValueText.Length: > 0 } ? declaration.Identifier.ValueText : FreeName(clause);
            if (declaration is null)
            {
                declaration = SyntaxFactory.CatchDeclaration(
                    SyntaxFactory.ParseTypeName("System.Exception").WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.Identifier(name));
            }
            else if (declaration.Identifier.ValueText.Length == 0)
            {
                declaration = declaration.WithIdentifier(SyntaxFactory.Identifier(name));
            }

            condition = SyntaxFactory.ParseExpression($"{name} is not System.OperationCanceledException");
        }

        if (clause.Filter is { } existing)
        {
            condition = SyntaxFactory.BinaryExpression(
                SyntaxKind.LogicalAndExpression,
                condition,
                SyntaxFactory.ParenthesizedExpression(existing.FilterExpression.WithoutTrivia()));
        }

        var filter = SyntaxFactory.CatchFilterClause(condition.WithAdditionalAnnotations(Simplifier.Annotation));
        var updated = clause.WithDeclaration(declaration).WithFilter(filter);
        return document.WithSyntaxRoot(root!.ReplaceNode(clause, updated.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation)));
    }

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
