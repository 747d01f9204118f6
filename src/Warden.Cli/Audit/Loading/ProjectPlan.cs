using Microsoft.CodeAnalysis.CSharp;

namespace Warden.Cli.Audit.Loading;

/// <summary>One project the no-build loader will compile.</summary>
/// <param name="Settings">What was read from the project file.</param>
/// <param name="ParseOptions">How its files are parsed (language version, preprocessor symbols).</param>
/// <param name="Files">Its C# files, absolute paths.</param>
/// <param name="Audited">Whether its findings are reported (false for projects only referenced).</param>
/// <param name="OnlyFile">When auditing a single file: that file; the rest of the project only provides types.</param>
/// <param name="HasPackageReferences">Whether the project file references packages (so a missing restore matters).</param>
/// <param name="ReferencesSharedFrameworkPackages">
/// Whether it references <c>Microsoft.Extensions.*</c> or <c>Microsoft.AspNetCore.*</c> packages, whose assemblies the
/// ASP.NET Core shared framework also carries (a stand-in when they are not restored).
/// </param>
internal sealed record ProjectPlan(
    ProjectSettings Settings,
    CSharpParseOptions ParseOptions,
    IReadOnlyList<string> Files,
    bool Audited,
    string? OnlyFile,
    bool HasPackageReferences,
    bool ReferencesSharedFrameworkPackages);
