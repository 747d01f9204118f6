using System.Text.Json;

namespace Warden.Cli.Audit.Loading;

/// <summary>
/// Reads the compile-time package assemblies NuGet resolved for a project from
/// <c>obj/project.assets.json</c> (written by <c>dotnet restore</c>).
/// </summary>
internal static class PackageAssets
{
    /// <summary>
    /// Reads the assets file of the project at <paramref name="projectDirectory"/> for <paramref name="targetFramework"/>:
    /// <c>obj/project.assets.json</c>, or with the SDK's artifacts layout (<c>UseArtifactsOutput</c>)
    /// <c>artifacts/obj/NAME/project.assets.json</c> in a folder above.
    /// </summary>
    public static PackageAssetsResult Read(string projectDirectory, string projectName, string targetFramework)
    {
        var assetsFile = Find(projectDirectory, projectName);
        if (assetsFile is null)
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

    private static string? Find(string projectDirectory, string projectName)
    {
        var beside = Path.Combine(projectDirectory, "obj", "project.assets.json");
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var current = new DirectoryInfo(projectDirectory); current is not null; current = current.Parent)
        {
            var artifacts = Path.Combine(current.FullName, "artifacts", "obj", projectName, "project.assets.json");
            if (File.Exists(artifacts))
            {
                return artifacts;
            }
        }

        return null;
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
