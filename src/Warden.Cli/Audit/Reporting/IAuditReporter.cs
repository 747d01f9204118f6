namespace Warden.Cli.Audit.Reporting;

/// <summary>Renders an audit in one output format.</summary>
internal interface IAuditReporter
{
    /// <summary>The whole document, ready to print or write to a file.</summary>
    string Render(AuditOutcome outcome);
}
