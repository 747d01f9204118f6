namespace Warden.Cli.Audit.Reporting;

/// <summary>Warden's JSON document: summary, rules, findings (with fingerprints) and skipped inputs.</summary>
internal sealed class JsonAuditReporter : IAuditReporter
{
    /// <inheritdoc />
    public string Render(AuditOutcome outcome) => JsonText.Write(json =>
    {
        var report = outcome.Report;
        json.WriteStartObject();
        json.WriteString("tool", "warden");
        json.WriteString("version", outcome.ToolVersion);
        json.WriteString("target", report.Target);
        json.WriteString("root", report.Root);
        json.WriteString("mode", report.Mode == AuditMode.MSBuild ? "msbuild" : "no-build");

        json.WriteStartObject("summary");
        json.WriteNumber("projects", report.Projects);
        json.WriteNumber("files", report.Files);
        json.WriteNumber("lines", report.Lines);
        json.WriteNumber("findings", outcome.Findings.Count);
        json.WriteNumber("errors", outcome.CountOf(FindingSeverity.Error));
        json.WriteNumber("warnings", outcome.CountOf(FindingSeverity.Warning));
        json.WriteNumber("info", outcome.CountOf(FindingSeverity.Info));
        json.WriteNumber("baselined", outcome.Baselined);
        json.WriteNumber("suppressed", report.Suppressed.Count);
        json.WriteNumber("filesWithSyntaxErrors", report.FilesWithSyntaxErrors);
        json.WriteNumber("elapsedMs", Math.Round(report.Elapsed.TotalMilliseconds));
        json.WriteStartObject("asyncSpread");
        json.WriteNumber("methods", report.Spread.Methods);
        json.WriteNumber("asyncMethods", report.Spread.AsyncMethods);
        json.WriteNumber("asyncShare", Math.Round(report.Spread.AsyncShare, 4));
        json.WriteNumber("syncOverAsyncBoundaries", report.Spread.SyncOverAsyncBoundaries);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("rules");
        foreach (var rule in report.Rules.Values)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("title", rule.Title);
            json.WriteNumber("chapter", rule.Chapter);
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteString("fix", rule.Fix);
            json.WriteString("defaultSeverity", JsonText.Severity(rule.DefaultSeverity));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteFindings(json, "findings", outcome.Findings, report);
        WriteFindings(json, "suppressed", report.Suppressed, report);

        json.WriteStartArray("skipped");
        foreach (var skipped in report.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("path", skipped.Path);
            json.WriteString("reason", skipped.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteFindings(System.Text.Json.Utf8JsonWriter json, string name, IReadOnlyList<Finding> findings, AuditReport report)
    {
        json.WriteStartArray(name);
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", JsonText.Severity(finding.Severity));
            json.WriteNumber("chapter", report.RuleFor(finding.RuleId).Chapter);
            json.WriteString("message", finding.Message);
            json.WriteString("path", finding.Path);
            json.WriteNumber("line", finding.Line);
            json.WriteNumber("column", finding.Column);
            json.WriteNumber("endLine", finding.EndLine);
            json.WriteNumber("endColumn", finding.EndColumn);
            json.WriteString("fingerprint", Baseline.Fingerprint(finding));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
