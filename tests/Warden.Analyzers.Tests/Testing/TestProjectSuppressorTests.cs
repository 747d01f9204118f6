using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Warden.Analyzers.TaskOwnership;
using Warden.Analyzers.Testing;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.Testing;

public sealed class TestProjectSuppressorTests
{
    private const string FanOutInATest = """
        public class LoadTests
        {
            [Xunit.Fact]
            public async Task Survives_a_burst()
            {
                var ids = Enumerable.Range(0, Environment.ProcessorCount * 100).ToList();
                await Task.WhenAll(ids.Select(id => Api.GetAsync(id)));
            }

            public async Task HelperAsync(List<int> ids) => await Task.WhenAll(ids.Select(id => Api.GetAsync(id)));
        }
        """;

    [Fact]
    public async Task Hides_fan_out_in_a_project_that_references_a_test_framework()
    {
        var diagnostics = await RunAsync(FanOutInATest + StandInSources.TestFrameworks);

        var fanOut = diagnostics.Where(d => d.Id == DiagnosticIds.UnboundedFanOut).ToList();
        Assert.Equal(2, fanOut.Count);
        Assert.All(fanOut, d => Assert.True(d.IsSuppressed));
    }

    [Fact]
    public async Task Keeps_fan_out_in_a_project_without_a_test_framework()
    {
        var diagnostics = await RunAsync(FanOutInATest.Replace("[Xunit.Fact]", string.Empty, StringComparison.Ordinal));

        var fanOut = diagnostics.Where(d => d.Id == DiagnosticIds.UnboundedFanOut).ToList();
        Assert.Equal(2, fanOut.Count);
        Assert.All(fanOut, d => Assert.False(d.IsSuppressed));
    }

    [Fact]
    public async Task Hides_the_async_suffix_rule_on_test_methods_only_and_configure_await_everywhere()
    {
        var diagnostics = await RunAsync(FanOutInATest + StandInSources.TestFrameworks);

        var suffix = diagnostics.Where(d => d.Id == "VSTHRD200" && Name(d) is "Survives_a_burst" or "HelperAsync").ToDictionary(Name, d => d.IsSuppressed);
        Assert.True(suffix["Survives_a_burst"]);
        Assert.False(suffix["HelperAsync"]);
        Assert.All(diagnostics.Where(d => d.Id == "CA2007"), d => Assert.True(d.IsSuppressed));
    }

    private static string Name(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string source)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var tree = CSharpSyntaxTree.ParseText(StandInSources.Usings + source + StandInSources.Api, cancellationToken: cancellationToken);
        var compilation = CSharpCompilation.Create("Probe", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UnboundedFanOutAnalyzer(), new ForeignRuleAnalyzer(), new TestProjectSuppressor());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        return await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }
}
