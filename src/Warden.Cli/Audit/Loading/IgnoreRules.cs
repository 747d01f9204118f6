using MAB.DotIgnore;

namespace Warden.Cli.Audit.Loading;

/// <summary>
/// The <c>.gitignore</c> files in force for one folder: its own and those of its ancestors up to the
/// repository root, each matched relative to the folder that holds it, as git does. Immutable: entering
/// a folder with its own <c>.gitignore</c> returns a new instance.
/// </summary>
internal sealed class IgnoreRules
{
    private readonly IReadOnlyList<(string Directory, IgnoreList List)> _lists;

    private IgnoreRules(IReadOnlyList<(string Directory, IgnoreList List)> lists)
    {
        _lists = lists;
    }

    /// <summary>The rules in force for <paramref name="directory"/>: the .gitignore files from the repository root down to it.</summary>
    public static IgnoreRules For(string directory)
    {
        var chain = new List<string>();
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            chain.Add(current.FullName);
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                break; // the repository root: .gitignore files above it do not apply
            }
        }

        var rules = new IgnoreRules([]);
        for (var i = chain.Count - 1; i >= 1; i--)
        {
            rules = rules.Enter(chain[i]);
        }

        return rules;
    }

    /// <summary>The rules for a child folder: these plus the folder's own .gitignore, if any.</summary>
    public IgnoreRules Enter(string directory)
    {
        var file = Path.Combine(directory, ".gitignore");
        if (!File.Exists(file))
        {
            return this;
        }

        try
        {
            var list = new IgnoreList(file);
            return new IgnoreRules([.. _lists, (directory, list)]);
        }
        catch (IOException)
        {
            return this; // an unreadable .gitignore ignores nothing, like git
        }
        catch (UnauthorizedAccessException)
        {
            return this;
        }
    }

    /// <summary>Whether <paramref name="path"/> is ignored by any .gitignore in force.</summary>
    public bool IsIgnored(string path, bool isDirectory)
    {
        foreach (var (directory, list) in _lists)
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (list.IsIgnored(relative, isDirectory))
            {
                return true;
            }
        }

        return false;
    }
}
