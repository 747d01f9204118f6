using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace Warden.Cli.Audit.Loading;

/// <summary>
/// The <c>--msbuild</c> mode: loads the real projects through <see cref="MSBuildWorkspace"/> (a design-time
/// build in Roslyn's out-of-process build host, using the SDK on this machine), so conditions, imports,
/// source generators' inputs and package references are exactly what <c>dotnet build</c> sees. Needs a
/// restored repository; slower than the default mode.
/// </summary>
internal static class MSBuildLoader
{
    /// <summary>Loads <paramref name="target"/>.</summary>
    public static async Task<LoadedSources> LoadAsync(AuditTarget target, IProgress<AuditProgress>? progress, CancellationToken cancellationToken)
    {
        var skipped = new List<SkippedInput>();
        using var workspace = MSBuildWorkspace.Create(new Dictionary<string, string>
        {
            ["Configuration"] = "Debug",
            ["RunAnalyzers"] = "false",
        });
        using var failures = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (skipped)
                {
                    skipped.Add(new SkippedInput(target.Display, $"MSBuild: {e.Diagnostic.Message}"));
                }
            }
        });

        var auditedProjects = new HashSet<string>(StringComparer.Ordinal);
        switch (target.Kind)
        {
            case AuditTargetKind.Solution:
                foreach (var file in await SolutionReader.ReadProjectsAsync(target.Path, cancellationToken).ConfigureAwait(false))
                {
                    auditedProjects.Add(file);
                }

                await workspace.OpenSolutionAsync(target.Path, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case AuditTargetKind.Project:
                auditedProjects.Add(target.Path);
                await workspace.OpenProjectAsync(target.Path, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            case AuditTargetKind.File:
            case AuditTargetKind.Folder:
                var found = SourceDiscovery.Discover(target.Root, stopAtNestedProjects: false, cancellationToken);
                var projects = target.Kind == AuditTargetKind.Folder ? found.ProjectFiles : EnclosingProjects(target.Path);
                var opened = 0;
                foreach (var project in projects)
                {
                    auditedProjects.Add(project);
                    if (workspace.CurrentSolution.Projects.Any(p => p.FilePath == project))
                    {
                        continue; // already loaded as a reference of an earlier one
                    }

                    try
                    {
                        await workspace.OpenProjectAsync(project, cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                    catch (InvalidOperationException ex)
                    {
                        skipped.Add(new SkippedInput(Path.GetRelativePath(target.Root, project), $"MSBuild could not load the project ({ex.Message})"));
                    }

                    progress?.Report(new AuditProgress("loading projects", ++opened, projects.Count));
                }

                break;
        }

        var loaded = new List<LoadedProject>();
        int files = 0, lines = 0, syntaxErrors = 0;
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in workspace.CurrentSolution.Projects)
        {
            if (project.FilePath is null || !auditedProjects.Contains(project.FilePath) || project.Language != LanguageNames.CSharp)
            {
                continue;
            }

            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                continue;
            }

            var audited = new HashSet<SyntaxTree>();
            var counted = new HashSet<SyntaxTree>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!IsAudited(tree, target, cancellationToken))
                {
                    continue;
                }

                audited.Add(tree);
                if (seenFiles.Add(tree.FilePath))
                {
                    counted.Add(tree);
                    files++; // a multi-targeted project holds each file once per framework
                    lines += (await tree.GetTextAsync(cancellationToken).ConfigureAwait(false)).Lines.Count;
                    syntaxErrors += tree.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
                }
            }

            if (audited.Count > 0)
            {
                var options = new AnalyzerOptions(project.AnalyzerOptions.AdditionalFiles, project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
                loaded.Add(new LoadedProject(project.Name.Split('(')[0], compilation, options, audited, counted));
            }
        }

        return new LoadedSources(loaded, skipped, files, lines, syntaxErrors);
    }

    private static bool IsAudited(SyntaxTree tree, AuditTarget target, CancellationToken cancellationToken)
    {
        if (target.Kind == AuditTargetKind.File)
        {
            return tree.FilePath == target.Path;
        }

        var relative = Path.GetRelativePath(target.Root, tree.FilePath).Replace('\\', '/');
        return !relative.StartsWith("../", StringComparison.Ordinal)
            && !relative.Contains("obj/", StringComparison.Ordinal)
            && !relative.Contains("bin/", StringComparison.Ordinal)
            && !GeneratedCode.IsGeneratedName(tree.FilePath)
            && !GeneratedCode.HasGeneratedHeader(tree, cancellationToken);
    }

    private static List<string> EnclosingProjects(string file)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(file)!); directory is not null; directory = directory.Parent)
        {
            var projects = directory.GetFiles("*.csproj").Select(f => f.FullName).Order(StringComparer.Ordinal).ToList();
            if (projects.Count > 0)
            {
                return [projects[0]];
            }
        }

        return [];
    }
}
