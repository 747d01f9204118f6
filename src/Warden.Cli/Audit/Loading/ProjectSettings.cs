namespace Warden.Cli.Audit.Loading;

/// <summary>
/// What the no-build mode needs to know about a project, read from the .csproj and the
/// Directory.Build.props/targets above it without evaluating MSBuild.
/// </summary>
/// <param name="Name">The project name (file name without extension), or the folder name for loose files.</param>
/// <param name="ProjectFile">The .csproj, or null for loose files.</param>
/// <param name="Directory">The project's folder.</param>
/// <param name="Sdk">The project SDK, e.g. <c>Microsoft.NET.Sdk.Web</c>.</param>
/// <param name="TargetFramework">The target framework compiled for (the newest .NET one when several).</param>
/// <param name="LangVersion">The LangVersion property, or empty.</param>
/// <param name="Nullable">The Nullable property, or empty.</param>
/// <param name="ImplicitUsings">Whether the SDK's implicit global usings are on.</param>
/// <param name="AllowUnsafeBlocks">Whether unsafe code is allowed.</param>
/// <param name="IsExecutable">Whether the output is an executable (top-level statements allowed).</param>
/// <param name="DefineConstants">Extra preprocessor symbols.</param>
/// <param name="Usings">Global usings from <c>&lt;Using&gt;</c> items, as C# directives.</param>
/// <param name="RemovedUsings">Namespaces removed with <c>&lt;Using Remove&gt;</c>.</param>
/// <param name="ProjectReferences">Referenced .csproj files, absolute paths.</param>
/// <param name="FrameworkReferences">Shared frameworks referenced, e.g. <c>Microsoft.AspNetCore.App</c>.</param>
/// <param name="CompileRemove">Absolute path prefixes excluded with <c>&lt;Compile Remove&gt;</c>.</param>
/// <param name="InternalsVisibleTo">Friend assemblies from <c>&lt;InternalsVisibleTo&gt;</c> items (the SDK turns them into attributes).</param>
internal sealed record ProjectSettings(
    string Name,
    string? ProjectFile,
    string Directory,
    string Sdk,
    string TargetFramework,
    string LangVersion,
    string Nullable,
    bool ImplicitUsings,
    bool AllowUnsafeBlocks,
    bool IsExecutable,
    IReadOnlyList<string> DefineConstants,
    IReadOnlyList<string> Usings,
    IReadOnlyList<string> RemovedUsings,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> FrameworkReferences,
    IReadOnlyList<string> CompileRemove,
    IReadOnlyList<string> InternalsVisibleTo)
{
    /// <summary>Settings for C# files that belong to no project: the plain SDK's defaults.</summary>
    public static ProjectSettings Loose(string directory) => new(
        Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar)),
        null,
        directory,
        "Microsoft.NET.Sdk",
        "net10.0",
        string.Empty,
        "enable",
        ImplicitUsings: true,
        AllowUnsafeBlocks: false,
        IsExecutable: false,
        [],
        [],
        [],
        [],
        [],
        [],
        []);

    /// <summary>Whether the project uses ASP.NET Core (Web SDK or a framework reference).</summary>
    public bool UsesAspNetCore =>
        Sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
        || Sdk.StartsWith("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase)
        || FrameworkReferences.Contains("Microsoft.AspNetCore.App", StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="file"/> is excluded by a <c>&lt;Compile Remove&gt;</c> item.</summary>
    public bool IsRemoved(string file) => CompileRemove.Any(prefix => file.StartsWith(prefix, StringComparison.Ordinal));
}
