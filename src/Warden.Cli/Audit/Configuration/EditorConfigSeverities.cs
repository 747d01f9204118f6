using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Warden.Cli.Audit.Configuration;

/// <summary>
/// Tells the compiler the <c>dotnet_diagnostic.ID.severity</c> settings per tree, so a rule set to
/// <c>none</c> in <c>.editorconfig</c> does not run and one set to <c>error</c> reports as an error.
/// </summary>
internal sealed class EditorConfigSeverities(
    IReadOnlyDictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>> treeSeverities,
    ImmutableDictionary<string, ReportDiagnostic> globalSeverities,
    IReadOnlySet<SyntaxTree> generatedTrees) : SyntaxTreeOptionsProvider
{
    /// <inheritdoc />
    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
        generatedTrees.Contains(tree) ? GeneratedKind.MarkedGenerated : GeneratedKind.Unknown;

    /// <inheritdoc />
    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        return treeSeverities.TryGetValue(tree, out var severities) && severities.TryGetValue(diagnosticId, out severity);
    }

    /// <inheritdoc />
    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        globalSeverities.TryGetValue(diagnosticId, out severity);
}
