using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Warden.Analyzers.CodeFixes.Common;

/// <summary>
/// Base of the fixes that replace a blocking call by an <c>await</c>: one rule each, Fix All through the batch
/// fixer, and no fix where C# forbids <c>await</c> (lock bodies, query clauses, catch filters).
/// </summary>
public abstract class AwaitingCodeFixProvider : CodeFixProvider
{
    /// <summary>Creates a provider fixing <paramref name="diagnosticId"/>.</summary>
    private protected AwaitingCodeFixProvider(string diagnosticId)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (AwaitSyntax.CanAwaitAt(node))
            {
                await RegisterFixAsync(context, root, node, diagnostic).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Registers the fix of <paramref name="diagnostic"/> reported on <paramref name="node"/>, if one keeps behaviour.</summary>
    private protected abstract Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic);
}
