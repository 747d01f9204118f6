using Microsoft.CodeAnalysis.Testing;

namespace Warden.Analyzers.Tests.Verifiers;

/// <summary>The reference assemblies every analyzer test compiles against.</summary>
internal static class TestReferences
{
    /// <summary>
    /// .NET 8 (the oldest supported runtime with TimeProvider). The testing library fetches Microsoft.NETCore.App.Ref
    /// from the NuGet feed once and reuses its local copy afterwards.
    /// </summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;
}
