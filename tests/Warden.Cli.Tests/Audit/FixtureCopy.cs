namespace Warden.Cli.Tests.Audit;

/// <summary>
/// A private copy of a fixture repository in a temporary folder, so tests can add files (obj/, bin/,
/// baselines, .editorconfig) without touching the committed fixture or each other. Deleted on dispose.
/// </summary>
internal sealed class FixtureCopy : IDisposable
{
    private FixtureCopy(string root)
    {
        Root = root;
    }

    /// <summary>The copy's folder.</summary>
    public string Root { get; }

    /// <summary>Copies <c>Fixtures/<paramref name="name"/></c> from the test output folder.</summary>
    public static FixtureCopy Of(string name)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        Assert.True(Directory.Exists(source), $"fixture {source} missing from the test output");
        var root = Path.Combine(Path.GetTempPath(), "warden-audit-tests", $"{name}-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return new FixtureCopy(root);
    }

    /// <summary>An empty folder.</summary>
    public static FixtureCopy Empty()
    {
        var root = Path.Combine(Path.GetTempPath(), "warden-audit-tests", $"empty-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        return new FixtureCopy(root);
    }

    /// <summary>The absolute path of <paramref name="relative"/> inside the copy.</summary>
    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a file inside the copy, creating folders.</summary>
    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort: the OS cleans the temp folder eventually
        }
    }
}
