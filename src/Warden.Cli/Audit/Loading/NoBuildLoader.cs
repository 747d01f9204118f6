using System.Collections.Concurrent;
using System.Xml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Warden.Cli.Audit.Configuration;

namespace Warden.Cli.Audit.Loading;

/// <summary>
/// The default, no-build mode: finds the projects and files of a target, parses every file in parallel,
/// and compiles each project against the SDK's reference assemblies, the packages restored in
/// <c>obj/project.assets.json</c> and the other projects it references. Nothing is built or restored;
/// what cannot be resolved stays unresolved and the analyzers degrade.
/// </summary>
internal sealed class NoBuildLoader(ReferenceAssemblies references, AuditLimits limits)
{
    /// <summary>Loads <paramref name="target"/>.</summary>
    public async Task<LoadedSources> LoadAsync(AuditTarget target, IProgress<AuditProgress>? progress, CancellationToken cancellationToken)
    {
        var skipped = new ConcurrentBag<SkippedInput>();
        var plan = await PlanAsync(target, skipped, cancellationToken).ConfigureAwait(false);
        var editorConfigs = EditorConfigSet.Load(plan.EditorConfigFiles, plan.Projects.Select(p => p.Settings.Directory).Append(target.Root));

        var allFiles = plan.Projects.SelectMany(p => p.Files.Select(f => (Project: p, File: f))).ToList();
        var trees = new ConcurrentDictionary<string, SyntaxTree>(StringComparer.Ordinal);
        var parsed = 0;
        await Parallel.ForEachAsync(
            allFiles,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (entry, ct) =>
            {
                var (text, reason) = await SourceFileReader.ReadAsync(entry.File, limits, ct).ConfigureAwait(false);
                if (text is null)
                {
                    skipped.Add(new SkippedInput(Relative(target.Root, entry.File), reason!));
                }
                else
                {
                    trees[entry.File] = CSharpSyntaxTree.ParseText(text, entry.Project.ParseOptions, entry.File, ct);
                }

                progress?.Report(new AuditProgress("parsing", Interlocked.Increment(ref parsed), allFiles.Count));
            }).ConfigureAwait(false);

        var compilations = new Dictionary<string, Compilation>(StringComparer.Ordinal);
        var plansByFile = plan.Projects.Where(p => p.Settings.ProjectFile is not null).ToDictionary(p => p.Settings.ProjectFile!, StringComparer.Ordinal);
        var loaded = new List<LoadedProject>();
        int files = 0, lines = 0, syntaxErrors = 0;
        foreach (var project in Order(plan.Projects))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var projectTrees = project.Files.Where(trees.ContainsKey).Select(f => trees[f]).ToList();
            var generated = projectTrees
                .Where(t => GeneratedCode.IsGeneratedName(t.FilePath) || GeneratedCode.HasGeneratedHeader(t, cancellationToken))
                .ToHashSet();
            if (SdkGeneratedCode.Source(project.Settings) is { } globalUsings)
            {
                var usingsTree = CSharpSyntaxTree.ParseText(
                    SourceText.From(globalUsings),
                    project.ParseOptions,
                    Path.Combine(project.Settings.Directory, "obj", project.Settings.Name + ".GlobalUsings.g.cs"),
                    cancellationToken);
                projectTrees.Add(usingsTree);
                generated.Add(usingsTree);
            }

            var (options, severities) = editorConfigs.For(projectTrees, generated);
            // Project references flow transitively in the SDK, so a project sees the projects its references reference.
            var metadata = MetadataFor(project, target.Root, skipped)
                .Concat(TransitiveReferences(project, plansByFile, compilations).Select(c => c.ToMetadataReference()));
            var compilation = CSharpCompilation.Create(
                project.Settings.Name,
                projectTrees,
                metadata,
                new CSharpCompilationOptions(
                    project.Settings.IsExecutable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContext(project.Settings.Nullable),
                    allowUnsafe: project.Settings.AllowUnsafeBlocks,
                    concurrentBuild: true).WithSyntaxTreeOptionsProvider(severities));
            if (project.Settings.ProjectFile is { } projectFile)
            {
                compilations[projectFile] = compilation;
            }

            if (!project.Audited)
            {
                continue;
            }

            var audited = projectTrees
                .Where(t => !generated.Contains(t) && (project.OnlyFile is null || t.FilePath == project.OnlyFile))
                .ToHashSet();
            if (audited.Count == 0)
            {
                continue;
            }

            foreach (var tree in audited)
            {
                files++;
                lines += (await tree.GetTextAsync(cancellationToken).ConfigureAwait(false)).Lines.Count;
                if (tree.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    syntaxErrors++;
                }
            }

            loaded.Add(new LoadedProject(project.Settings.Name, compilation, new AnalyzerOptions([], options), audited, audited));
        }

        return new LoadedSources(loaded, [.. skipped.OrderBy(s => s.Path, StringComparer.Ordinal)], files, lines, syntaxErrors);
    }

    private static List<Compilation> TransitiveReferences(
        ProjectPlan project,
        Dictionary<string, ProjectPlan> plansByFile,
        Dictionary<string, Compilation> compilations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<Compilation>();
        var pending = new Stack<string>(project.Settings.ProjectReferences);
        while (pending.Count > 0)
        {
            var reference = pending.Pop();
            if (!seen.Add(reference) || !compilations.TryGetValue(reference, out var compilation))
            {
                continue;
            }

            found.Add(compilation);
            foreach (var next in plansByFile[reference].Settings.ProjectReferences)
            {
                pending.Push(next);
            }
        }

        return found;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static NullableContextOptions NullableContext(string value) => value.ToLowerInvariant() switch
    {
        "enable" => NullableContextOptions.Enable,
        "warnings" => NullableContextOptions.Warnings,
        "annotations" => NullableContextOptions.Annotations,
        _ => NullableContextOptions.Disable,
    };

    private static CSharpParseOptions ParseOptionsFor(ProjectSettings settings)
    {
        var language = LanguageVersionFacts.TryParse(settings.LangVersion, out var parsed) ? parsed : LanguageVersion.Latest;
        // No Warden rule reads nullability, and the compiler's nullable flow analysis was about a tenth of an audit's
        // CPU (measured on Polly), so the audit's compilation skips it; annotations still parse and bind the same.
        return new CSharpParseOptions(language, DocumentationMode.None, SourceCodeKind.Regular, PreprocessorSymbols(settings))
            .WithFeatures([new KeyValuePair<string, string>("run-nullable-analysis", "never")]);
    }

    private static List<string> PreprocessorSymbols(ProjectSettings settings)
    {
        // What the SDK defines for a Debug build of the chosen framework (DEBUG, TRACE, NET, NET8_0, NET8_0_OR_GREATER...).
        var symbols = new List<string> { "DEBUG", "TRACE" };
        symbols.AddRange(settings.DefineConstants);
        if (ProjectFileReader.ModernVersion(settings.TargetFramework) is { } version)
        {
            symbols.Add("NETCOREAPP");
            if (version.Major >= 5)
            {
                symbols.Add("NET");
            }

            symbols.Add($"NET{version.Major}_{version.Minor}");
            for (var major = 5; major <= version.Major; major++)
            {
                symbols.Add($"NET{major}_0_OR_GREATER");
            }

            symbols.AddRange(["NETCOREAPP1_0_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER"]);
        }

        return symbols;
    }

    private static List<ProjectPlan> Order(IReadOnlyList<ProjectPlan> projects)
    {
        // References first, so a project compiles against the compilations of the projects it references.
        var byFile = projects.Where(p => p.Settings.ProjectFile is not null).ToDictionary(p => p.Settings.ProjectFile!, StringComparer.Ordinal);
        var visited = new HashSet<ProjectPlan>();
        var ordered = new List<ProjectPlan>();
        void Visit(ProjectPlan project)
        {
            if (!visited.Add(project))
            {
                return; // also breaks reference cycles
            }

            foreach (var reference in project.Settings.ProjectReferences)
            {
                if (byFile.TryGetValue(reference, out var referenced))
                {
                    Visit(referenced);
                }
            }

            ordered.Add(project);
        }

        foreach (var project in projects)
        {
            Visit(project);
        }

        return ordered;
    }

    private IEnumerable<MetadataReference> MetadataFor(ProjectPlan project, string root, ConcurrentBag<SkippedInput> skipped)
    {
        var settings = project.Settings;
        var assets = settings.ProjectFile is null ? null : PackageAssets.Read(settings.Directory, settings.Name, settings.TargetFramework);

        // Unrestored Microsoft.Extensions.* / Microsoft.AspNetCore.* packages (a worker library's Hosting reference)
        // ship the same assemblies as the ASP.NET Core shared framework, so bind against it instead of leaving
        // BackgroundService and IHostApplicationLifetime unresolved (which silences the shutdown rules).
        var sharedFrameworkStandIn = assets is { Restored: false } && project.ReferencesSharedFrameworkPackages && !settings.UsesAspNetCore;
        var paths = new List<string>(references.Framework(settings.TargetFramework, settings.UsesAspNetCore || sharedFrameworkStandIn));
        if (paths.Count == 0)
        {
            skipped.Add(new SkippedInput(settings.Name, "no .NET reference assemblies found (set DOTNET_ROOT to an SDK folder); framework types are unresolved"));
        }

        if (assets is not null)
        {
            paths.AddRange(assets.Assemblies);
            if (project.Audited && !assets.Restored && project.HasPackageReferences)
            {
                var standIn = sharedFrameworkStandIn
                    ? " (Microsoft.Extensions and ASP.NET Core packages were bound against the ASP.NET Core shared framework instead)"
                    : string.Empty;
                skipped.Add(new SkippedInput(
                    Relative(root, settings.ProjectFile!),
                    $"package references not restored (no obj/project.assets.json); their types are unresolved{standIn}. Run 'dotnet restore' for full precision"));
            }
        }

        // One assembly per simple name: packages may repeat framework assemblies; the first (framework) wins.
        return paths
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .Select(g => ReferenceAssemblies.FromFile(g.First()));
    }

    private static async Task<LoadPlan> PlanAsync(AuditTarget target, ConcurrentBag<SkippedInput> skipped, CancellationToken cancellationToken)
    {
        var plans = new Dictionary<string, ProjectPlan>(StringComparer.Ordinal);
        var editorConfigs = new List<string>();
        var queue = new Queue<(string ProjectFile, bool Audited, string? OnlyFile)>();

        switch (target.Kind)
        {
            case AuditTargetKind.Folder:
                var found = SourceDiscovery.Discover(target.Root, stopAtNestedProjects: false, cancellationToken);
                editorConfigs.AddRange(found.EditorConfigFiles);
                var projectDirectories = found.ProjectFiles
                    .GroupBy(Path.GetDirectoryName, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key!, g => g.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal);
                var filesByOwner = found.SourceFiles.GroupBy(f => Owner(f, target.Root, projectDirectories), StringComparer.Ordinal);
                foreach (var group in filesByOwner)
                {
                    var settings = group.Key.Length == 0 ? ProjectSettings.Loose(target.Root) : ReadSettings(group.Key, target.Root, skipped);
                    plans[group.Key.Length == 0 ? target.Root : group.Key] = NewPlan(settings, [.. group], audited: true, onlyFile: null);
                }

                break;
            case AuditTargetKind.Project:
                queue.Enqueue((target.Path, true, null));
                break;
            case AuditTargetKind.Solution:
                foreach (var project in await SolutionReader.ReadProjectsAsync(target.Path, cancellationToken).ConfigureAwait(false))
                {
                    if (File.Exists(project))
                    {
                        queue.Enqueue((project, true, null));
                    }
                    else
                    {
                        skipped.Add(new SkippedInput(Relative(target.Root, project), "listed in the solution but missing on disk"));
                    }
                }

                break;
            case AuditTargetKind.File:
                var owner = EnclosingProject(target.Path);
                if (owner is null)
                {
                    plans[target.Path] = NewPlan(ProjectSettings.Loose(target.Root), [target.Path], audited: true, onlyFile: target.Path);
                }
                else
                {
                    queue.Enqueue((owner, true, target.Path));
                }

                break;
        }

        // Every project to audit, then the projects they reference (compiled, not audited), transitively.
        foreach (var plan in plans.Values.ToList())
        {
            EnqueueReferences(plan, queue);
        }

        while (queue.Count > 0)
        {
            var (projectFile, audited, onlyFile) = queue.Dequeue();
            if (plans.ContainsKey(projectFile))
            {
                continue;
            }

            if (!File.Exists(projectFile))
            {
                skipped.Add(new SkippedInput(Relative(target.Root, projectFile), "referenced project is missing; its types are unresolved"));
                continue;
            }

            var settings = ReadSettings(projectFile, target.Root, skipped);
            var discovered = SourceDiscovery.Discover(settings.Directory, stopAtNestedProjects: true, cancellationToken);
            editorConfigs.AddRange(discovered.EditorConfigFiles);
            var projectFiles = onlyFile is null || discovered.SourceFiles.Contains(onlyFile, StringComparer.Ordinal)
                ? discovered.SourceFiles
                : [.. discovered.SourceFiles, onlyFile];
            var plan = NewPlan(settings, projectFiles, audited, onlyFile);
            plans[projectFile] = plan;
            EnqueueReferences(plan, queue);
        }

        return new LoadPlan([.. plans.Values], editorConfigs);
    }

    private static void EnqueueReferences(ProjectPlan plan, Queue<(string ProjectFile, bool Audited, string? OnlyFile)> queue)
    {
        foreach (var reference in plan.Settings.ProjectReferences)
        {
            queue.Enqueue((reference, false, null));
        }
    }

    private static ProjectPlan NewPlan(ProjectSettings settings, IReadOnlyList<string> files, bool audited, string? onlyFile)
    {
        var projectText = ReadProjectText(settings);
        return new(
            settings,
            ParseOptionsFor(settings),
            [.. files.Where(f => !settings.IsRemoved(f))],
            audited,
            onlyFile,
            projectText.Contains("<PackageReference", StringComparison.Ordinal),
            projectText.Contains("Include=\"Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase)
                || projectText.Contains("Include=\"Microsoft.AspNetCore.", StringComparison.OrdinalIgnoreCase));
    }

    private static string ReadProjectText(ProjectSettings settings)
    {
        try
        {
            return settings.ProjectFile is null ? string.Empty : File.ReadAllText(settings.ProjectFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    private static ProjectSettings ReadSettings(string projectFile, string root, ConcurrentBag<SkippedInput> skipped)
    {
        try
        {
            return ProjectFileReader.Read(projectFile);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedInput(
                Relative(root, projectFile),
                $"project file could not be read ({ex.Message.TrimEnd('.')}); its C# files were audited with default settings. Fix the project file for full precision"));
            return ProjectSettings.Loose(Path.GetDirectoryName(projectFile)!) with { Name = Path.GetFileNameWithoutExtension(projectFile), ProjectFile = projectFile };
        }
    }

    private static string Owner(string file, string root, Dictionary<string, string> projectDirectories)
    {
        for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length >= root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (projectDirectories.TryGetValue(directory, out var project))
            {
                return project;
            }
        }

        return string.Empty;
    }

    private static string? EnclosingProject(string file)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(file)!); directory is not null; directory = directory.Parent)
        {
            var project = directory.EnumerateFiles("*.csproj").OrderBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault();
            if (project is not null)
            {
                return project.FullName;
            }

            if (Directory.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return null;
            }
        }

        return null;
    }
}
