namespace Warden.Cli.Audit.Loading;

/// <summary>
/// Walks a folder for C# sources the way a build would see them: skips <c>bin/</c>, <c>obj/</c>,
/// hidden folders (<c>.git</c>, <c>.vs</c>), <c>node_modules</c> and anything <c>.gitignore</c> excludes.
/// </summary>
internal static class SourceDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "packages", "TestResults" };

    /// <summary>Walks <paramref name="root"/>.</summary>
    /// <param name="root">The folder to walk.</param>
    /// <param name="stopAtNestedProjects">When true, folders holding their own .csproj are not entered (they are other projects).</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static DiscoveredSources Discover(string root, bool stopAtNestedProjects, CancellationToken cancellationToken)
    {
        var sources = new List<string>();
        var projects = new List<string>();
        var editorConfigs = new List<string>();
        var pending = new Stack<(string Directory, IgnoreRules Rules)>();
        pending.Push((root, IgnoreRules.For(root).Enter(root)));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (directory, rules) = pending.Pop();
            string[] files;
            string[] folders;
            try
            {
                files = Directory.GetFiles(directory);
                folders = Directory.GetDirectories(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // an unreadable folder holds nothing we can audit
            }

            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(folders, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (file.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !rules.IsIgnored(file, isDirectory: false))
                {
                    sources.Add(file);
                }
                else if (file.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    projects.Add(file);
                }
                else if (Path.GetFileName(file) == ".editorconfig")
                {
                    editorConfigs.Add(file);
                }
            }

            for (var i = folders.Length - 1; i >= 0; i--)
            {
                var folder = folders[i];
                var name = Path.GetFileName(folder);
                if (name.StartsWith('.') || SkippedFolders.Contains(name) || rules.IsIgnored(folder, isDirectory: true))
                {
                    continue;
                }

                if (stopAtNestedProjects && Directory.EnumerateFiles(folder, "*.csproj").Any())
                {
                    continue;
                }

                pending.Push((folder, rules.Enter(folder)));
            }
        }

        sources.Sort(StringComparer.Ordinal);
        return new DiscoveredSources(sources, projects, editorConfigs);
    }
}
