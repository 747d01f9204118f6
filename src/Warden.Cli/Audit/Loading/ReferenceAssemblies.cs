using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Warden.Cli.Audit.Loading;

/// <summary>
/// Finds the reference assemblies that ship with the .NET SDK (the targeting packs under
/// <c>DOTNET_ROOT/packs</c>) and caches one <see cref="MetadataReference"/> per file for the process.
/// </summary>
internal sealed class ReferenceAssemblies
{
    private static readonly ConcurrentDictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);
    private readonly string? _dotnetRoot;

    /// <summary>Uses the SDK at <paramref name="dotnetRoot"/>, or finds the one running warden when null.</summary>
    public ReferenceAssemblies(string? dotnetRoot = null)
    {
        _dotnetRoot = dotnetRoot ?? FindDotnetRoot();
    }

    /// <summary>The SDK folder in use, or null when none was found.</summary>
    public string? DotnetRoot => _dotnetRoot;

    /// <summary>A reference for an assembly file, shared across compilations.</summary>
    public static MetadataReference FromFile(string path) =>
        Cache.GetOrAdd(path, static p => MetadataReference.CreateFromFile(p));

    /// <summary>
    /// The reference assemblies of a targeting pack (<c>Microsoft.NETCore.App.Ref</c>,
    /// <c>Microsoft.AspNetCore.App.Ref</c>) for <paramref name="targetFramework"/>: the pack of the same
    /// major version when installed, else the newest. Empty when the pack is not installed.
    /// </summary>
    public IReadOnlyList<string> TargetingPack(string packName, string targetFramework)
    {
        var packRoot = _dotnetRoot is null ? null : Path.Combine(_dotnetRoot, "packs", packName);
        if (packRoot is null || !Directory.Exists(packRoot))
        {
            return [];
        }

        var wanted = ProjectFileReader.ModernVersion(targetFramework);
        var versions = Directory.GetDirectories(packRoot)
            .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(v => v.Version is not null)
            .OrderByDescending(v => v.Version)
            .ToList();
        var chosen = versions.FirstOrDefault(v => wanted is not null && v.Version!.Major == wanted.Major).Path ?? versions.FirstOrDefault().Path;
        if (chosen is null)
        {
            return [];
        }

        var refFolder = Path.Combine(chosen, "ref");
        if (!Directory.Exists(refFolder))
        {
            return [];
        }

        var tfmFolder = Directory.GetDirectories(refFolder)
            .OrderByDescending(d => ProjectFileReader.ModernVersion(Path.GetFileName(d)))
            .FirstOrDefault();
        return tfmFolder is null ? [] : Directory.GetFiles(tfmFolder, "*.dll");
    }

    /// <summary>
    /// The framework assemblies for a project: the targeting packs when the SDK has them, else the
    /// implementation assemblies of the runtime warden runs on (good enough to bind against).
    /// </summary>
    public IReadOnlyList<string> Framework(string targetFramework, bool aspNetCore)
    {
        var core = TargetingPack("Microsoft.NETCore.App.Ref", targetFramework);
        if (core.Count == 0)
        {
            core = RuntimeAssemblies();
        }

        return aspNetCore ? [.. core, .. TargetingPack("Microsoft.AspNetCore.App.Ref", targetFramework)] : core;
    }

    private static string[] RuntimeAssemblies()
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        return [.. trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith(runtimeDirectory, StringComparison.Ordinal))];
    }

    private static string? FindDotnetRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
        {
            return fromEnvironment;
        }

        // <root>/shared/Microsoft.NETCore.App/<version>/
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar));
        var root = runtime.Parent?.Parent?.Parent;
        return root is not null && Directory.Exists(Path.Combine(root.FullName, "packs")) ? root.FullName : null;
    }
}
