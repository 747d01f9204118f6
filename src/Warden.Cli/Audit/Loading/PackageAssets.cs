using System.Text.Json;

namespace Warden.Cli.Audit.Loading;

/// <summary>
/// Reads the compile-time package assemblies NuGet resolved for a project from
/// <c>obj/project.assets.json</c> (written by <c>dotnet restore</c>).
/// </summary>
internal static class PackageAssets
{
    /// <summary>Reads <c>obj/project.assets.json</c> under <paramref name="projectDirectory"/> for <paramref name="targetFramework"/>.</summary>
    public static PackageAssetsResult Read(string projectDirectory, string targetFramework)
    {
        var assetsFile = Path.Combine(projectDirectory, "obj", "project.assets.json");
        if (!File.Exists(assetsFile))
        {
            return new PackageAssetsResult([], Restored: false, 0);
        }

        try
        {
            using var stream = File.OpenRead(assetsFile);
            using var document = JsonDocument.Parse(stream);
            return Read(document.RootElement, targetFramework);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException)
        {
            return new PackageAssetsResult([], Restored: false, 0);
        }
    }

    private static PackageAssetsResult Read(JsonElement root, string targetFramework)
    {
        var packageFolders = root.TryGetProperty("packageFolders", out var folders)
            ? folders.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        if (!root.TryGetProperty("targets", out var targets) || !root.TryGetProperty("libraries", out var libraries))
        {
            return new PackageAssetsResult([], Restored: true, 0);
        }

        // Keys look like "net10.0" or "net10.0/linux-x64"; prefer the framework we compile for.
        var target = targets.EnumerateObject()
            .OrderByDescending(t => t.Name.Split('/')[0].Equals(targetFramework, StringComparison.OrdinalIgnoreCase))
            .ThenBy(t => t.Name.Contains('/', StringComparison.Ordinal))
            .Select(t => (JsonElement?)t.Value)
            .FirstOrDefault();
        if (target is null)
        {
            return new PackageAssetsResult([], Restored: true, 0);
        }

        var assemblies = new List<string>();
        var missing = 0;
        foreach (var package in target.Value.EnumerateObject())
        {
            if (!package.Value.TryGetProperty("type", out var type) || type.GetString() != "package"
                || !package.Value.TryGetProperty("compile", out var compile)
                || !libraries.TryGetProperty(package.Name, out var library)
                || !library.TryGetProperty("path", out var libraryPath))
            {
                continue;
            }

            foreach (var item in compile.EnumerateObject())
            {
                if (item.Name.EndsWith("_._", StringComparison.Ordinal) || !item.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var found = packageFolders
                    .Select(folder => Path.Combine(folder, libraryPath.GetString()!, item.Name))
                    .FirstOrDefault(File.Exists);
                if (found is null)
                {
                    missing++;
                }
                else
                {
                    assemblies.Add(found);
                }
            }
        }

        return new PackageAssetsResult(assemblies, Restored: true, missing);
    }
}
