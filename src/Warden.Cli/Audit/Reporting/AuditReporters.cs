namespace Warden.Cli.Audit.Reporting;

/// <summary>Picks the reporter for a format.</summary>
internal static class AuditReporters
{
    /// <summary>The reporter for <paramref name="format"/>.</summary>
    public static IAuditReporter For(AuditFormat format) => format switch
    {
        AuditFormat.Json => new JsonAuditReporter(),
        AuditFormat.Sarif => new SarifAuditReporter(),
        AuditFormat.Html => new HtmlAuditReporter(),
        _ => new TextAuditReporter(),
    };
}
