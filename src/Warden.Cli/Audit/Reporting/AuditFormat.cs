namespace Warden.Cli.Audit.Reporting;

/// <summary>The output formats of <c>warden audit</c>.</summary>
internal enum AuditFormat
{
    /// <summary>A report for people, grouped by playbook chapter and rule.</summary>
    Text,

    /// <summary>Warden's own JSON document.</summary>
    Json,

    /// <summary>SARIF 2.1.0 for code scanning.</summary>
    Sarif,

    /// <summary>A self-contained HTML page with filters.</summary>
    Html,
}
