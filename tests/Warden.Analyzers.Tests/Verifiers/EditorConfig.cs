using Microsoft.CodeAnalysis.Testing;

namespace Warden.Analyzers.Tests.Verifiers;

/// <summary>Adds an .editorconfig with the given lines to a test's project.</summary>
internal static class EditorConfig
{
    public static void AddTo(SolutionState state, string? lines)
    {
        if (lines is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + lines + "\n"));
        }
    }
}
