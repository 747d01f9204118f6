using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Warden.Analyzers.Tests.Verifiers;

/// <summary>A code-fix test against <see cref="TestReferences.Net80"/>; Fix All is checked by the testing library.</summary>
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource, string? editorConfig)
    {
        TestCode = source;
        FixedCode = fixedSource;
        ReferenceAssemblies = TestReferences.Net80;
        EditorConfig.AddTo(TestState, editorConfig);
        EditorConfig.AddTo(FixedState, editorConfig);
    }
}
