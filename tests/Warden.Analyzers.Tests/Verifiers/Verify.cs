using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Warden.Analyzers.Tests.Verifiers;

/// <summary>
/// Entry points of the analyzer tests. Sources use markup: <c>[|...|]</c> for the rule's one diagnostic,
/// <c>{|#0:...|}</c> with <see cref="Diagnostic(int)"/> when the message arguments matter. Every run is bounded.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>The expected diagnostic at markup location <paramref name="markupKey"/>.</summary>
    public static DiagnosticResult Diagnostic(int markupKey) =>
        new DiagnosticResult(new TAnalyzer().SupportedDiagnostics[0]).WithLocation(markupKey);

    /// <summary>Checks that <paramref name="source"/> produces exactly the diagnostics marked in it (and <paramref name="expected"/>).</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerWithOptionsAsync(source, editorConfig: null, expected);

    /// <summary>As <see cref="AnalyzerAsync"/>, with .editorconfig lines such as <c>warden.WD203.blocking_apis = ...</c>.</summary>
    public static Task AnalyzerWithOptionsAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>(source, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);
    }

    /// <summary>Checks that fixing every marked diagnostic (one by one and with Fix All) turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, string? editorConfig = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TAnalyzer, TCodeFix>(source, fixedSource, editorConfig);
        return test.RunAsync(TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);
    }
}
