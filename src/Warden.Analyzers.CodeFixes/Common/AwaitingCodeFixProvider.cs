namespace Warden.Analyzers.CodeFixes.Common;

/// <summary>
/// Base of the fixes that replace a blocking call by an <c>await</c>: no fix where C# forbids <c>await</c>
/// (lock bodies, query clauses, catch filters).
/// </summary>
public abstract class AwaitingCodeFixProvider : RuleCodeFixProvider
{
    /// <summary>Creates a provider fixing <paramref name="diagnosticId"/>.</summary>
    private protected AwaitingCodeFixProvider(string diagnosticId)
        : base(diagnosticId)
    {
    }

    private protected sealed override async Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (AwaitSyntax.CanAwaitAt(node))
        {
            await RegisterFixAsync(context, root, node, diagnostic).ConfigureAwait(false);
        }
    }

    /// <summary>Registers the fix of <paramref name="diagnostic"/> reported on <paramref name="node"/>, if one keeps behaviour.</summary>
    private protected abstract Task RegisterFixAsync(CodeFixContext context, SyntaxNode root, SyntaxNode node, Diagnostic diagnostic);
}
