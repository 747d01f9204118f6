using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Warden.Cli.Audit.Loading;

/// <summary>
/// Reads <see cref="ProjectSettings"/> from a .csproj and the Directory.Build.props/.targets above it.
/// This is not MSBuild: conditions are ignored where an unconditioned value exists, and only
/// <c>$(Property)</c> references to properties seen so far are expanded. <c>--msbuild</c> is the
/// full-fidelity path.
/// </summary>
internal static partial class ProjectFileReader
{
    /// <summary>Reads the project; throws <see cref="XmlException"/> or <see cref="IOException"/> for a broken file.</summary>
    public static ProjectSettings Read(string projectFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectFile))!;
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MSBuildProjectName"] = Path.GetFileNameWithoutExtension(projectFile),
            ["MSBuildProjectDirectory"] = directory,
            ["MSBuildThisFileDirectory"] = directory + Path.DirectorySeparatorChar,
        };
        var state = new ReadState(properties);
        foreach (var imported in DirectoryBuildFiles(directory, "Directory.Build.props"))
        {
            TryApply(imported, state);
        }

        var project = Load(projectFile);
        state.Visited.Add(Path.GetFullPath(projectFile));
        var sdk = project.Root?.Attribute("Sdk")?.Value
            ?? project.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Sdk")?.Attribute("Name")?.Value
            ?? "Microsoft.NET.Sdk";
        Apply(project, directory, state);
        foreach (var imported in DirectoryBuildFiles(directory, "Directory.Build.targets"))
        {
            TryApply(imported, state);
        }

        var frameworks = Property(state, "TargetFramework");
        if (string.IsNullOrEmpty(frameworks))
        {
            frameworks = Property(state, "TargetFrameworks");
        }

        var outputType = Property(state, "OutputType");
        return new ProjectSettings(
            Path.GetFileNameWithoutExtension(projectFile),
            Path.GetFullPath(projectFile),
            directory,
            sdk.Split(';')[0].Split('/')[0].Trim(),
            ChooseFramework(frameworks),
            Property(state, "LangVersion"),
            Property(state, "Nullable"),
            IsTrue(Property(state, "ImplicitUsings")),
            IsTrue(Property(state, "AllowUnsafeBlocks")),
            outputType.Contains("exe", StringComparison.OrdinalIgnoreCase) || sdk.Contains(".Web", StringComparison.OrdinalIgnoreCase),
            [.. Items(Property(state, "DefineConstants")).Where(s => !s.Contains('$', StringComparison.Ordinal))],
            state.Usings,
            state.RemovedUsings,
            state.ProjectReferences,
            state.FrameworkReferences,
            state.CompileRemove,
            state.InternalsVisibleTo);
    }

    /// <summary>Picks the framework to compile for: the newest <c>netX.Y</c>, else the first listed.</summary>
    public static string ChooseFramework(string frameworks)
    {
        var list = Items(frameworks)
            .Where(f => !f.Contains('$', StringComparison.Ordinal))
            .ToList();
        var modern = list
            .Select(f => (Framework: f, Version: ModernVersion(f)))
            .Where(f => f.Version is not null)
            .OrderByDescending(f => f.Version)
            .Select(f => f.Framework)
            .FirstOrDefault();
        return modern ?? list.FirstOrDefault() ?? "net10.0";
    }

    /// <summary>The version of a <c>netX.Y</c> (or <c>netcoreappX.Y</c>) framework, or null for others.</summary>
    public static Version? ModernVersion(string framework)
    {
        var match = ModernFramework().Match(framework);
        return match.Success && Version.TryParse(match.Groups[1].Value, out var version) ? version : null;
    }

    private static List<string> DirectoryBuildFiles(string projectDirectory, string fileName)
    {
        // MSBuild imports the nearest file; that file may import the next one up (GetPathOfFileAbove).
        var found = new List<string>();
        for (var current = new DirectoryInfo(projectDirectory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, fileName);
            if (!File.Exists(candidate))
            {
                continue;
            }

            found.Add(candidate);
            string text;
            try
            {
                text = File.ReadAllText(candidate);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                break;
            }

            if (!text.Contains("FileAbove", StringComparison.Ordinal))
            {
                break;
            }
        }

        found.Reverse();
        return found;
    }

    private static void TryApply(string file, ReadState state)
    {
        if (!state.Visited.Add(Path.GetFullPath(file)))
        {
            return; // imported twice, or an import cycle
        }

        try
        {
            Apply(Load(file), Path.GetDirectoryName(file)!, state);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            // A broken Directory.Build file only costs fidelity; the project file itself is what must parse.
        }
    }

    private static XDocument Load(string file)
    {
        using var stream = File.OpenRead(file);
        return XDocument.Load(stream);
    }

    private static void Apply(XDocument document, string directory, ReadState state)
    {
        var root = document.Root;
        if (root is null)
        {
            return;
        }

        state.Properties["MSBuildThisFileDirectory"] = directory + Path.DirectorySeparatorChar;
        foreach (var element in root.Elements())
        {
            switch (element.Name.LocalName)
            {
                case "PropertyGroup":
                    ApplyProperties(element, state);
                    break;
                case "ItemGroup":
                    foreach (var item in element.Elements())
                    {
                        ApplyItem(item, directory, state);
                    }

                    break;
                case "Import":
                    ApplyImport(element, directory, state);
                    break;
                case "ImportGroup":
                    foreach (var import in element.Elements().Where(e => e.Name.LocalName == "Import"))
                    {
                        ApplyImport(import, directory, state);
                    }

                    break;
            }
        }
    }

    private static void ApplyImport(XElement import, string directory, ReadState state)
    {
        // Follows imports of repository files (eng/Common.props...); SDK imports and globs are MSBuild's business.
        var project = Expand(import.Attribute("Project")?.Value ?? string.Empty, state.Properties);
        if (project.Length == 0 || import.Attribute("Sdk") is not null || project.Contains('$', StringComparison.Ordinal) || project.Contains('*', StringComparison.Ordinal))
        {
            return;
        }

        var path = Path.GetFullPath(Path.Combine(directory, project.Replace('\\', Path.DirectorySeparatorChar)));
        if (File.Exists(path))
        {
            TryApply(path, state);
            state.Properties["MSBuildThisFileDirectory"] = directory + Path.DirectorySeparatorChar;
        }
    }

    private static void ApplyProperties(XElement group, ReadState state)
    {
        var groupConditioned = group.Attribute("Condition") is not null;
        foreach (var property in group.Elements())
        {
            var name = property.Name.LocalName;
            var conditioned = groupConditioned || property.Attribute("Condition") is not null;
            if (conditioned && state.Properties.ContainsKey(name))
            {
                continue; // keep the unconditioned value: we cannot evaluate conditions
            }

            state.Properties[name] = Expand(property.Value.Trim(), state.Properties);
        }
    }

    private static void ApplyItem(XElement item, string directory, ReadState state)
    {
        var include = Expand(item.Attribute("Include")?.Value ?? string.Empty, state.Properties);
        var remove = Expand(item.Attribute("Remove")?.Value ?? string.Empty, state.Properties);
        switch (item.Name.LocalName)
        {
            case "Using" when include.Length > 0:
                var alias = item.Attribute("Alias")?.Value;
                var isStatic = IsTrue(item.Attribute("Static")?.Value ?? string.Empty);
                state.Usings.Add(alias is not null ? $"global using {alias} = global::{include};"
                    : isStatic ? $"global using static global::{include};"
                    : $"global using global::{include};");
                break;
            case "Using" when remove.Length > 0:
                state.RemovedUsings.Add(remove);
                break;
            case "ProjectReference" when include.Length > 0:
                foreach (var reference in Items(include))
                {
                    state.ProjectReferences.Add(Path.GetFullPath(Path.Combine(directory, reference.Replace('\\', Path.DirectorySeparatorChar))));
                }

                break;
            case "InternalsVisibleTo" when include.Length > 0:
                state.InternalsVisibleTo.Add(include);
                break;
            case "FrameworkReference" when include.Length > 0:
                state.FrameworkReferences.Add(include);
                break;
            case "Compile" when remove.Length > 0:
                foreach (var pattern in Items(remove))
                {
                    // Only the common shapes: "folder/**", "folder/**/*.cs" and a single file.
                    var prefix = pattern.Replace('\\', '/');
                    var star = prefix.IndexOf('*', StringComparison.Ordinal);
                    prefix = star >= 0 ? prefix[..star] : prefix;
                    if (prefix.Length > 0)
                    {
                        state.CompileRemove.Add(Path.GetFullPath(Path.Combine(directory, prefix)));
                    }
                }

                break;
        }
    }

    private static string[] Items(string list) => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Property(ReadState state, string name) =>
        state.Properties.TryGetValue(name, out var value) ? value : string.Empty;

    private static string Expand(string value, Dictionary<string, string> properties) =>
        value.Contains("$(", StringComparison.Ordinal)
            ? PropertyReference().Replace(value, m => properties.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value)
            : value;

    private static bool IsTrue(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("enable", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex PropertyReference();

    [GeneratedRegex(@"^net(?:coreapp)?(\d+\.\d+)(?:-.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ModernFramework();

    private sealed class ReadState(Dictionary<string, string> properties)
    {
        public Dictionary<string, string> Properties { get; } = properties;

        public List<string> Usings { get; } = [];

        public List<string> RemovedUsings { get; } = [];

        public List<string> ProjectReferences { get; } = [];

        public List<string> FrameworkReferences { get; } = [];

        public List<string> CompileRemove { get; } = [];

        public List<string> InternalsVisibleTo { get; } = [];

        public HashSet<string> Visited { get; } = new(StringComparer.Ordinal);
    }
}
