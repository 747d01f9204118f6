using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Warden.Analyzers.Tests.Verifiers;

/// <summary>An analyzer test against <see cref="TestReferences.Net80"/>, with an optional .editorconfig.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public AnalyzerTest(string source, string? editorConfig)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.Net80;
        EditorConfig.AddTo(TestState, editorConfig);
    }
}
