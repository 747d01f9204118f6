using System.Globalization;
using System.Text;

namespace Warden.Cli.Audit.Reporting;

/// <summary>
/// The console report: findings grouped by playbook chapter, then rule, each as <c>path:line:col</c> with
/// its message and the rule's fix; then a summary with counts and the async spread, and what was skipped.
/// </summary>
internal sealed class TextAuditReporter : IAuditReporter
{
    /// <inheritdoc />
    public string Render(AuditOutcome outcome)
    {
        var report = outcome.Report;
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        var mode = report.Mode == AuditMode.MSBuild ? "msbuild" : "no build";
        text.AppendLine(invariant, $"warden audit {report.Target} ({mode}): {report.Projects} project(s), {report.Files} files, {report.Lines:N0} lines in {report.Elapsed.TotalSeconds:0.0} s");
        text.AppendLine();

        foreach (var chapter in outcome.Findings.GroupBy(f => report.RuleFor(f.RuleId).Chapter).OrderBy(g => g.Key == 0 ? int.MaxValue : g.Key))
        {
            text.AppendLine(invariant, $"{PlaybookChapters.Heading(chapter.Key)} ({Plural(chapter.Count(), "finding")})");
            foreach (var rule in chapter.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var info = report.RuleFor(rule.Key);
                text.AppendLine(invariant, $"  {rule.Key} {info.Title} ({rule.Count()})");
                foreach (var finding in rule)
                {
                    text.AppendLine(invariant, $"    {finding.Path}:{finding.Line}:{finding.Column}: {Severity(finding.Severity)}: {finding.Message}");
                }

                if (info.Fix.Length > 0)
                {
                    text.AppendLine(invariant, $"    fix: {info.Fix}");
                }

                if (info.HelpUri.Length > 0)
                {
                    text.AppendLine(invariant, $"    more: {info.HelpUri}");
                }
            }

            text.AppendLine();
        }

        text.AppendLine("Summary");
        text.AppendLine(invariant, $"  {Plural(outcome.Findings.Count, "finding")}: {outcome.CountOf(FindingSeverity.Error)} error(s), {outcome.CountOf(FindingSeverity.Warning)} warning(s), {outcome.CountOf(FindingSeverity.Info)} info");
        if (outcome.Findings.Count > 0)
        {
            var byRule = outcome.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            text.AppendLine(invariant, $"  by rule: {string.Join(", ", byRule)}");
        }

        if (outcome.Baselined > 0)
        {
            text.AppendLine(invariant, $"  baseline: {Plural(outcome.Baselined, "known finding")} not shown");
        }

        var spread = report.Spread;
        text.AppendLine(invariant, $"  async spread: {spread.AsyncMethods} of {spread.Methods} methods are async ({spread.AsyncShare * 100:0}%); {Plural(spread.SyncOverAsyncBoundaries, "sync-over-async boundary", "sync-over-async boundaries")} (.Result/.Wait()/GetResult() outside async code)");
        text.AppendLine(invariant, $"  rules run: {report.Rules.Count} ({string.Join(", ", report.Rules.Keys)})");
        if (report.Suppressed.Count > 0)
        {
            var byRule = report.Suppressed.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            text.AppendLine(invariant, $"  suppressed in source (not failing the run): {string.Join(", ", byRule)}");
            foreach (var finding in report.Suppressed)
            {
                text.AppendLine(invariant, $"    {finding.Path}:{finding.Line}:{finding.Column}: {finding.RuleId} {report.RuleFor(finding.RuleId).Title}");
            }
        }

        if (report.FilesWithSyntaxErrors > 0)
        {
            text.AppendLine(invariant, $"  files with syntax errors (audited as far as they parse): {report.FilesWithSyntaxErrors}");
        }

        if (report.Skipped.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(invariant, $"Skipped ({report.Skipped.Count})");
            foreach (var skipped in report.Skipped)
            {
                text.AppendLine(invariant, $"  {skipped.Path}: {skipped.Reason}");
            }
        }

        return text.ToString();
    }

    private static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };

    private static string Plural(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");
}
