using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Testing;

/// <summary>
/// WD702: an <c>async void</c> test method in xunit (v2, v3), NUnit, MSTest or TUnit. The runner cannot await it:
/// the test passes before its assertions run, and a failure surfaces later in another test or not at all.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncVoidTestAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.AsyncVoidTest,
        title: "async void test",
        messageFormat: "Test '{0}' is async void: the runner cannot await it, so it passes before its assertions run; return Task",
        DiagnosticCategories.Testing,
        DiagnosticSeverity.Warning,
        description: "Test runners await a returned Task; an async void test finishes at its first await, and its failures are lost or blamed on another test.");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var tests = TestFrameworks.Create(start.Compilation);
            if (!tests.Any)
            {
                return;
            }

            start.RegisterSymbolAction(
                symbol =>
                {
                    var method = (IMethodSymbol)symbol.Symbol;
                    if (method.IsAsync && method.ReturnsVoid && tests.IsTestMethod(method))
                    {
                        symbol.ReportDiagnostic(Diagnostic.Create(Rule, method.Locations[0], method.Name));
                    }
                },
                SymbolKind.Method);
        });
    }
}
