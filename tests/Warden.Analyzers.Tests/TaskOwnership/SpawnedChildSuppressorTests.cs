using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Warden.Analyzers.TaskOwnership;
using Warden.Analyzers.Tests.StandIns;
using Warden.Analyzers.Tests.Verifiers;

namespace Warden.Analyzers.Tests.TaskOwnership;

public sealed class SpawnedChildSuppressorTests
{
    private const string Source = """
        public class Orders
        {
            public async Task LoadAsync(Warden.ITaskGroup group, CancellationToken ct)
            {
                group.Spawn(token => Api.GetAsync(1));
                Api.GetAsync(2);
                await Task.Yield();
            }
        }
        """;

    [Fact]
    public async Task Hides_CS4014_on_a_spawned_child_only()
    {
        var diagnostics = await RunAsync(Source);

        // A suppressed compiler diagnostic is either dropped or reported with IsSuppressed; neither is a warning.
        var warnings = diagnostics.Where(d => d.Id == "CS4014" && !d.IsSuppressed).Select(Text).ToList();
        Assert.Equal(["Api.GetAsync(2)"], warnings);
    }

    [Fact]
    public async Task Keeps_CS4014_on_a_Spawn_method_of_another_type()
    {
        var otherGroup = Source.Replace("Warden.ITaskGroup", "IOtherGroup", StringComparison.Ordinal)
            + "public interface IOtherGroup { Task Spawn(Func<CancellationToken, Task> work); }";

        var diagnostics = await RunAsync(otherGroup);

        Assert.All(diagnostics.Where(d => d.Id == "CS4014"), d => Assert.False(d.IsSuppressed));
        Assert.Equal(2, diagnostics.Count(d => d.Id == "CS4014"));
    }

    private static string Text(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string source)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        var tree = CSharpSyntaxTree.ParseText(StandInSources.Usings + source + StandInSources.Api, cancellationToken: cancellationToken);
        var compilation = CSharpCompilation.Create("Probe", [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SpawnedChildSuppressor());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        return await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }
}
