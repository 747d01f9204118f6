using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Testing;

/// <summary>
/// WD702: an <c>async void</c> test method in xunit (v2, v3), NUnit, MSTest or TUnit. No runner can await it, and
/// each framework copes differently; the message names what this test's framework does: MSTest never runs it (the
/// quiet case), NUnit and xunit v3 refuse it, and xunit v2 waits for it but is the last version that will.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncVoidTestAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.AsyncVoidTest,
        title: "async void test",
        messageFormat: "Test '{0}' is async void: {1}; return Task",
        DiagnosticCategories.Testing,
        DiagnosticSeverity.Warning,
        description: "Test runners await a returned Task and cannot await async void. MSTest leaves such a test out of the run, so it never fails; NUnit and xunit v3 refuse to run it; xunit v2 waits for it through its synchronization context, but v3 dropped that.");

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
                    if (method.IsAsync && method.ReturnsVoid && tests.FrameworkOf(method) is { } framework)
                    {
                        symbol.ReportDiagnostic(Diagnostic.Create(Rule, method.Locations[0], method.Name, Consequence(framework)));
                    }
                },
                SymbolKind.Method);
        });
    }

    /// <summary>What the framework does with an async void test, as the message's second argument.</summary>
    private static string Consequence(TestFramework framework) => framework switch
    {
        TestFramework.MSTest => "MSTest leaves it out of the run (UTA007 in the discovery log only), so it never fails",
        TestFramework.NUnit => "NUnit refuses to run it (not runnable: an async test must not return void)",
        TestFramework.XunitV3 => "xunit v3 no longer supports async void tests",
        TestFramework.XunitV2 => "xunit v2 waits for it, but xunit v3 no longer supports async void tests",
        _ => "TUnit cannot await it",
    };
}
