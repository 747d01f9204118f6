using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Warden.Cli.Audit.Loading;

namespace Warden.Cli.Audit;

/// <summary>
/// Runs every Warden analyzer over a target: loads it (no build, or MSBuild), analyzes the projects in
/// parallel with <see cref="CompilationWithAnalyzers"/>, and turns diagnostics into findings relative to
/// the target's root.
/// </summary>
internal sealed class AuditEngine(AnalyzerCatalog catalog, ReferenceAssemblies references, TimeProvider timeProvider)
{
    /// <summary>Audits <paramref name="request"/>; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public async Task<AuditReport> RunAsync(AuditRequest request, IProgress<AuditProgress>? progress, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        if (request.Mode == AuditMode.MSBuild)
        {
            MSBuildRegistration.EnsureRegistered(); // before MSBuildLoader's MSBuild types are touched
        }

        var sources = request.Mode == AuditMode.MSBuild
            ? await MSBuildLoader.LoadAsync(request.Target, progress, cancellationToken).ConfigureAwait(false)
            : await new NoBuildLoader(references, request.Limits).LoadAsync(request.Target, progress, cancellationToken).ConfigureAwait(false);

        var skipped = new List<SkippedInput>(sources.Skipped);
        var findings = new HashSet<Finding>();
        var suppressed = new HashSet<Finding>();
        var spread = new AsyncSpread(0, 0, 0);
        var analyzed = 0;
        var results = new (IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Suppressed, AsyncSpread Spread, IReadOnlyList<SkippedInput> Failures)[sources.Projects.Count];
        await Parallel.ForAsync(
            0,
            sources.Projects.Count,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (index, ct) =>
            {
                results[index] = await AnalyzeAsync(sources.Projects[index], request.Target.Root, ct).ConfigureAwait(false);
                progress?.Report(new AuditProgress("analyzing", Interlocked.Increment(ref analyzed), sources.Projects.Count));
            }).ConfigureAwait(false);

        foreach (var result in results)
        {
            findings.UnionWith(result.Findings); // a multi-targeted project reports the same finding once per framework
            suppressed.UnionWith(result.Suppressed);
            skipped.AddRange(result.Failures);
            spread = new AsyncSpread(
                spread.Methods + result.Spread.Methods,
                spread.AsyncMethods + result.Spread.AsyncMethods,
                spread.SyncOverAsyncBoundaries + result.Spread.SyncOverAsyncBoundaries);
        }

        return new AuditReport(
            request.Target.Root,
            request.Target.Display,
            request.Mode,
            Sorted(findings),
            Sorted(suppressed),
            catalog.Rules,
            [.. skipped.Distinct()],
            sources.Projects.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count(),
            sources.Files,
            sources.Lines,
            sources.FilesWithSyntaxErrors,
            spread,
            timeProvider.GetElapsedTime(started));
    }

    private static List<Finding> Sorted(IEnumerable<Finding> findings) =>
        [.. findings.OrderBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)];

    private async Task<(IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Suppressed, AsyncSpread Spread, IReadOnlyList<SkippedInput> Failures)> AnalyzeAsync(
        LoadedProject project,
        string root,
        CancellationToken cancellationToken)
    {
        var collector = new AsyncSpreadCollector(project.CountedTrees);
        var failures = new List<SkippedInput>();
        var options = new CompilationWithAnalyzersOptions(
            project.Options,
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (failures)
                {
                    failures.Add(new SkippedInput(project.Name, $"analyzer {analyzer.GetType().Name} failed ({exception.GetType().Name}: {exception.Message}); its findings in this project may be missing"));
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        var analyzers = catalog.Analyzers.Add(collector);
        var withAnalyzers = project.Compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

        var findings = new List<Finding>();
        var suppressed = new List<Finding>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                continue; // reported through onAnalyzerException above
            }

            var severity = AnalyzerCatalog.SeverityOf(diagnostic.Severity);
            var tree = diagnostic.Location.SourceTree;
            if (severity is null || tree is null || !project.AuditedTrees.Contains(tree))
            {
                continue;
            }

            var span = diagnostic.Location.GetLineSpan();
            var text = await tree.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var line = span.StartLinePosition.Line < text.Lines.Count ? text.Lines[span.StartLinePosition.Line].ToString() : string.Empty;
            (diagnostic.IsSuppressed ? suppressed : findings).Add(new Finding(
                diagnostic.Id,
                severity.Value,
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                Path.GetRelativePath(root, tree.FilePath).Replace('\\', '/'),
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1,
                line));
        }

        return (findings, suppressed, collector.Spread, failures);
    }
}
