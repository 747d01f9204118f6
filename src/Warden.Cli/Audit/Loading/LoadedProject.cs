using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Warden.Cli.Audit.Loading;

/// <summary>A compilation ready for the analyzers, and which of its trees are audited.</summary>
/// <param name="Name">The project name.</param>
/// <param name="Compilation">The compilation (with <c>.editorconfig</c> severities applied).</param>
/// <param name="Options">Analyzer options (<c>.editorconfig</c> keys per tree).</param>
/// <param name="AuditedTrees">The trees whose findings are reported: not generated, inside the target.</param>
/// <param name="CountedTrees">The audited trees counted for the async spread: a file compiled for several target frameworks counts once.</param>
internal sealed record LoadedProject(string Name, Compilation Compilation, AnalyzerOptions Options, IReadOnlySet<SyntaxTree> AuditedTrees, IReadOnlySet<SyntaxTree> CountedTrees);
