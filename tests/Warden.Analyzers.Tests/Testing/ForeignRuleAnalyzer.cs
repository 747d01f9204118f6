using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Warden.Analyzers.Tests.Testing;

/// <summary>
/// Stands in for rules of other packages (VSTHRD200 from vs-threading, CA2007 from the SDK): reports both on
/// every method, so the suppressor tests can see which ones it hides.
/// </summary>
// A test double that impersonates other packages' rule IDs and never ships: release tracking, the reserved
// CA prefix and the extended analyzer rules do not apply to it.
#pragma warning disable RS1036, RS1029, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ForeignRuleAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_asyncSuffix = new("VSTHRD200", "Use Async suffix", "Use Async suffix", "Style", DiagnosticSeverity.Warning, isEnabledByDefault: true);
    private static readonly DiagnosticDescriptor s_configureAwait = new("CA2007", "ConfigureAwait", "Call ConfigureAwait", "Reliability", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_asyncSuffix, s_configureAwait);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(
            symbol =>
            {
                if (symbol.Symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    symbol.ReportDiagnostic(Diagnostic.Create(s_asyncSuffix, method.Locations[0]));
                    symbol.ReportDiagnostic(Diagnostic.Create(s_configureAwait, method.Locations[0]));
                }
            },
            SymbolKind.Method);
    }
}
#pragma warning restore RS1036, RS1029, RS2008
