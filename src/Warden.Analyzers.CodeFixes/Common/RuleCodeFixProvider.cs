using System.Collections.Immutable;

namespace Warden.Analyzers.CodeFixes.Common;

/// <summary>
/// Base of Warden's code fixes: the rules a provider fixes, Fix All through the batch fixer, and one call per
/// diagnostic with the document's syntax root, fetched once. A provider only finds what its fix changes and
/// registers the fix.
/// </summary>
public abstract class RuleCodeFixProvider : CodeFixProvider
{
    /// <summary>Creates a provider fixing the rules <paramref name="diagnosticIds"/>.</summary>
    private protected RuleCodeFixProvider(params string[] diagnosticIds)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticIds);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            await RegisterFixAsync(context, root, diagnostic).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Registers the fix of <paramref name="diagnostic"/> on <paramref name="context"/>, or nothing where no fix keeps
    /// behaviour; <paramref name="root"/> is the syntax root of <c>context.Document</c>.
    /// </summary>
    private protected abstract Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic);
}
