using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Warden.Analyzers.Common;

/// <summary>
/// Base of every Warden analyzer: one rule per analyzer, generated code skipped, concurrent execution on, and
/// symbols resolved once per compilation in <see cref="OnCompilationStart"/>.
/// </summary>
public abstract class WardenAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Creates an analyzer reporting <paramref name="rule"/>.</summary>
    private protected WardenAnalyzer(DiagnosticDescriptor rule)
    {
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <inheritdoc/>
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Resolves the symbols the rule needs and registers its actions (none when the rule cannot apply).</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);
}
