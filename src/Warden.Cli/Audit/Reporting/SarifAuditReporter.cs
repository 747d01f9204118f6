namespace Warden.Cli.Audit.Reporting;

/// <summary>
/// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for code scanning: one run, the rules in
/// <c>tool.driver.rules[]</c> with title, help URI and playbook chapter, results located relative to the
/// audited root (<c>uriBaseId</c> SRCROOT), skipped inputs as tool notifications.
/// </summary>
internal sealed class SarifAuditReporter : IAuditReporter
{
    /// <summary>The SARIF version written.</summary>
    public const string SarifVersion = "2.1.0";

    /// <summary>The schema the document declares.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <inheritdoc />
    public string Render(AuditOutcome outcome) => JsonText.Write(json =>
    {
        var report = outcome.Report;
        var ruleIndex = report.Rules.Keys.Select((id, index) => (id, index)).ToDictionary(r => r.id, r => r.index, StringComparer.Ordinal);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", SarifVersion);
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "warden");
        json.WriteString("version", outcome.ToolVersion);
        json.WriteString("semanticVersion", outcome.ToolVersion);
        json.WriteString("informationUri", "https://github.com/warden-dotnet/warden");
        json.WriteStartArray("rules");
        foreach (var rule in report.Rules.Values)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalName(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            if (rule.Fix.Length > 0)
            {
                json.WriteStartObject("fullDescription");
                json.WriteString("text", rule.Fix);
                json.WriteEndObject();
                json.WriteStartObject("help");
                json.WriteString("text", rule.Fix);
                json.WriteEndObject();
            }

            if (rule.HelpUri.Length > 0)
            {
                json.WriteString("helpUri", rule.HelpUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("title", rule.Title);
            json.WriteNumber("playbookChapter", rule.Chapter);
            json.WriteString("playbookChapterTitle", PlaybookChapters.Title(rule.Chapter));
            json.WriteStartArray("tags");
            json.WriteStringValue("async");
            json.WriteStringValue($"playbook-chapter-{rule.Chapter}");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", new Uri(report.Root.TrimEnd('/') + "/").AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var skipped in report.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("level", "warning");
            json.WriteStartObject("message");
            json.WriteString("text", $"{skipped.Path}: {skipped.Reason}");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        var suppressed = report.Suppressed.ToHashSet();
        foreach (var finding in outcome.Findings.Concat(report.Suppressed))
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            if (ruleIndex.TryGetValue(finding.RuleId, out var index))
            {
                json.WriteNumber("ruleIndex", index);
            }

            json.WriteString("level", Level(finding.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", finding.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", RelativeUri(finding.Path));
            json.WriteString("uriBaseId", "SRCROOT");
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", finding.Line);
            json.WriteNumber("startColumn", finding.Column);
            json.WriteNumber("endLine", finding.EndLine);
            json.WriteNumber("endColumn", finding.EndColumn);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            if (suppressed.Contains(finding))
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", "inSource");
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteStartObject("partialFingerprints");
            json.WriteString("wardenFingerprint/v1", Baseline.Fingerprint(finding));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>A relative path as a URI reference: each segment escaped, separators kept.</summary>
    public static string RelativeUri(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The SARIF rule name: the title as one PascalCase identifier ("Blocking wait" is "BlockingWait").</summary>
    public static string PascalName(string title) => string.Concat(
        title.Split((char[])[' ', '-', '.', ',', '(', ')', '/', '\'', '`'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..])
            .Where(word => word.All(char.IsLetterOrDigit)));

    private static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };
}
