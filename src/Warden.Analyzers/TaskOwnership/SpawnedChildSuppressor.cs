using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Warden.Analyzers.TaskOwnership;

/// <summary>
/// Hides the compiler's CS4014 ("this call is not awaited") on <c>ITaskGroup.Spawn</c>: the child is awaitable so
/// callers can read its result, but the group already owns it and joins it before the group ends, which is the
/// whole point of structured concurrency. Without this, every <c>g.Spawn(...)</c> in an async lambda would need
/// <c>_ =</c>, the very shape WD301 teaches people to distrust.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpawnedChildSuppressor : DiagnosticSuppressor
{
    /// <summary>Hides CS4014 on a child spawned into a task group.</summary>
    public static readonly SuppressionDescriptor SpawnedChildIsOwned = new(
        "WDSP4014", "CS4014", "The task group owns the spawned child and awaits it before the group completes.");

    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions => ImmutableArray.Create(SpawnedChildIsOwned);

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var taskGroup = context.Compilation.GetTypeByMetadataName("Warden.ITaskGroup");
        if (taskGroup is null)
        {
            return;
        }

        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree)
            {
                continue;
            }

            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            if (invocation is null)
            {
                continue;
            }

            var model = context.GetSemanticModel(tree);
            if (model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol { Name: "Spawn" } method
                && IsTaskGroupMember(method, taskGroup))
            {
                context.ReportSuppression(Suppression.Create(SpawnedChildIsOwned, diagnostic));
            }
        }
    }

    private static bool IsTaskGroupMember(IMethodSymbol method, INamedTypeSymbol taskGroup) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, taskGroup)
        || method.ContainingType.AllInterfaces.Contains(taskGroup, SymbolEqualityComparer.Default);
}
