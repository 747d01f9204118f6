using System.Globalization;
using System.Net;
using System.Text;

namespace Warden.Cli.Audit.Reporting;

/// <summary>
/// A single self-contained HTML page (no external scripts, styles or fonts): the summary, every finding
/// with an excerpt of its source (HTML-escaped, so code cannot inject markup), and filters by playbook
/// chapter and rule.
/// </summary>
internal sealed class HtmlAuditReporter : IAuditReporter
{
    private const int ContextLines = 2;

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
        .finding{border:1px solid #ddd;border-radius:6px;padding:.6rem 1rem;margin:.6rem 0}
        .loc{font-family:ui-monospace,monospace}.sev-error{color:#b00020}.sev-warning{color:#8a5a00}.sev-info{color:#1f5fa8}
        pre{background:#f6f8fa;padding:.5rem;overflow-x:auto;margin:.4rem 0}pre .hit{background:#fff3b0;display:block}
        .fix{color:#2d6a2d}.filters{margin:1rem 0}.filters label{margin-right:1rem}
        table{border-collapse:collapse}td,th{padding:.2rem .8rem;text-align:left;border-bottom:1px solid #eee}
        """;

    private const string Script = """
        function applyFilters(){
          var c=document.getElementById('chapter').value,r=document.getElementById('rule').value,shown=0;
          document.querySelectorAll('.finding').forEach(function(f){
            var ok=(c===''||f.dataset.chapter===c)&&(r===''||f.dataset.rule===r);
            f.style.display=ok?'':'none';if(ok)shown++;});
          document.getElementById('shown').textContent=shown;
        }
        document.getElementById('chapter').addEventListener('change',applyFilters);
        document.getElementById('rule').addEventListener('change',applyFilters);
        """;

    /// <inheritdoc />
    public string Render(AuditOutcome outcome)
    {
        var report = outcome.Report;
        var invariant = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine(invariant, $"<title>warden audit {E(report.Target)}</title>");
        html.AppendLine(invariant, $"<style>{Style}</style></head><body>");
        html.AppendLine(invariant, $"<h1>warden audit {E(report.Target)}</h1>");
        html.AppendLine(invariant, $"<p>{report.Projects} project(s), {report.Files} files, {report.Lines:N0} lines, {report.Elapsed.TotalSeconds:0.0} s ({(report.Mode == AuditMode.MSBuild ? "msbuild" : "no build")}). ");
        html.AppendLine(invariant, $"<strong>{outcome.Findings.Count}</strong> finding(s): {outcome.CountOf(FindingSeverity.Error)} error(s), {outcome.CountOf(FindingSeverity.Warning)} warning(s), {outcome.CountOf(FindingSeverity.Info)} info");
        if (outcome.Baselined > 0)
        {
            html.Append(invariant, $"; {outcome.Baselined} known finding(s) hidden by the baseline");
        }

        html.AppendLine(".</p>");
        var spread = report.Spread;
        html.AppendLine(invariant, $"<p>Async spread: {spread.AsyncMethods} of {spread.Methods} methods are async ({spread.AsyncShare * 100:0}%); {spread.SyncOverAsyncBoundaries} sync-over-async boundaries.</p>");

        var chapters = outcome.Findings.Select(f => report.RuleFor(f.RuleId).Chapter).Distinct().Order().ToList();
        var rules = outcome.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
        html.AppendLine("<div class=\"filters\"><label>Chapter <select id=\"chapter\"><option value=\"\">all</option>");
        foreach (var chapter in chapters)
        {
            html.AppendLine(invariant, $"<option value=\"{chapter}\">{E(PlaybookChapters.Heading(chapter))}</option>");
        }

        html.AppendLine("</select></label><label>Rule <select id=\"rule\"><option value=\"\">all</option>");
        foreach (var rule in rules)
        {
            html.AppendLine(invariant, $"<option value=\"{E(rule)}\">{E(rule)} {E(report.RuleFor(rule).Title)}</option>");
        }

        html.AppendLine(invariant, $"</select></label> showing <span id=\"shown\">{outcome.Findings.Count}</span></div>");

        var sources = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var group in outcome.Findings.GroupBy(f => report.RuleFor(f.RuleId).Chapter).OrderBy(g => g.Key))
        {
            html.AppendLine(invariant, $"<h2>{E(PlaybookChapters.Heading(group.Key))}</h2>");
            foreach (var finding in group)
            {
                var rule = report.RuleFor(finding.RuleId);
                var severity = JsonText.Severity(finding.Severity);
                html.AppendLine(invariant, $"<div class=\"finding\" data-chapter=\"{rule.Chapter}\" data-rule=\"{E(finding.RuleId)}\">");
                html.Append(invariant, $"<div><span class=\"sev-{severity}\">{severity}</span> <strong>{E(finding.RuleId)}</strong> {E(rule.Title)} ");
                html.AppendLine(invariant, $"<span class=\"loc\">{E(finding.Path)}:{finding.Line}:{finding.Column}</span></div>");
                html.AppendLine(invariant, $"<div>{E(finding.Message)}</div>");
                html.AppendLine(Excerpt(report.Root, finding, sources));
                if (rule.Fix.Length > 0)
                {
                    html.AppendLine(invariant, $"<div class=\"fix\">Fix: {E(rule.Fix)}</div>");
                }

                if (rule.HelpUri.Length > 0 && Uri.TryCreate(rule.HelpUri, UriKind.Absolute, out var help) && (help.Scheme == Uri.UriSchemeHttps || help.Scheme == Uri.UriSchemeHttp))
                {
                    html.AppendLine(invariant, $"<div><a href=\"{E(help.AbsoluteUri)}\">Rule page</a></div>");
                }

                html.AppendLine("</div>");
            }
        }

        if (report.Skipped.Count > 0)
        {
            html.AppendLine("<h2>Skipped</h2><table><tr><th>input</th><th>reason</th></tr>");
            foreach (var skipped in report.Skipped)
            {
                html.AppendLine(invariant, $"<tr><td class=\"loc\">{E(skipped.Path)}</td><td>{E(skipped.Reason)}</td></tr>");
            }

            html.AppendLine("</table>");
        }

        html.AppendLine(invariant, $"<script>{Script}</script>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Excerpt(string root, Finding finding, Dictionary<string, string[]?> sources)
    {
        if (!sources.TryGetValue(finding.Path, out var lines))
        {
            try
            {
                lines = File.ReadAllLines(Path.Combine(root, finding.Path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                lines = null;
            }

            sources[finding.Path] = lines;
        }

        var excerpt = new StringBuilder("<pre>");
        if (lines is null || finding.Line > lines.Length)
        {
            excerpt.Append("<span class=\"hit\">").Append(E(finding.SourceLine)).Append("</span>");
        }
        else
        {
            var first = Math.Max(1, finding.Line - ContextLines);
            var last = Math.Min(lines.Length, finding.Line + ContextLines);
            for (var line = first; line <= last; line++)
            {
                var numbered = string.Create(CultureInfo.InvariantCulture, $"{line,5}  ") + E(lines[line - 1]);
                excerpt.Append(line == finding.Line ? $"<span class=\"hit\">{numbered}</span>" : numbered + "\n");
            }
        }

        return excerpt.Append("</pre>").ToString();
    }
}
