using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Warden.Analyzers.Common;

namespace Warden.Analyzers.Testing;

/// <summary>
/// Hides findings that do not apply to test code, in compilations that reference xunit, NUnit, MSTest or TUnit:
/// WD303 (a test chooses its fan-out on purpose, to load the code under test), CA2007 (test code has no
/// synchronization context to avoid), and VSTHRD200 on test methods (runners find tests by attribute, not by an
/// Async suffix).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TestProjectSuppressor : DiagnosticSuppressor
{
    /// <summary>Hides WD303 in test projects.</summary>
    public static readonly SuppressionDescriptor FanOutInTests = new(
        "WDSP303", "WD303", "Tests choose their fan-out size on purpose to load the code under test.");

    /// <summary>Hides CA2007 in test projects.</summary>
    public static readonly SuppressionDescriptor ConfigureAwaitInTests = new(
        "WDSP2007", "CA2007", "Test runners install no synchronization context that ConfigureAwait(false) would avoid.");

    /// <summary>Hides VSTHRD200 on test methods.</summary>
    public static readonly SuppressionDescriptor AsyncSuffixOnTests = new(
        "WDSP200", "VSTHRD200", "Test methods are found by attribute; their names describe behaviour, not asynchrony.");

    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions =>
        ImmutableArray.Create(FanOutInTests, ConfigureAwaitInTests, AsyncSuffixOnTests);

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var tests = TestFrameworks.Create(context.Compilation);
        if (!tests.Any)
        {
            return;
        }

        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            switch (diagnostic.Id)
            {
                case "WD303":
                    context.ReportSuppression(Suppression.Create(FanOutInTests, diagnostic));
                    break;
                case "CA2007":
                    context.ReportSuppression(Suppression.Create(ConfigureAwaitInTests, diagnostic));
                    break;
                case "VSTHRD200" when IsOnTestMethod(context, diagnostic, tests):
                    context.ReportSuppression(Suppression.Create(AsyncSuffixOnTests, diagnostic));
                    break;
            }
        }
    }

    private static bool IsOnTestMethod(SuppressionAnalysisContext context, Diagnostic diagnostic, TestFrameworks tests)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return false;
        }

        var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan);
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration)
        {
            return false;
        }

        var model = context.GetSemanticModel(tree);
        return model.GetDeclaredSymbol(declaration, context.CancellationToken) is IMethodSymbol method && tests.IsTestMethod(method);
    }
}
