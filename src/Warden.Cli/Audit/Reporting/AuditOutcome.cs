namespace Warden.Cli.Audit.Reporting;

/// <summary>What a reporter renders: the audit, the findings to show (after the baseline), and the rest.</summary>
/// <param name="Report">The audit.</param>
/// <param name="Findings">Findings not accepted by the baseline (all of them without one).</param>
/// <param name="Baselined">Findings hidden because the baseline accepts them.</param>
/// <param name="ToolVersion">warden's version, for machine-readable formats.</param>
internal sealed record AuditOutcome(AuditReport Report, IReadOnlyList<Finding> Findings, int Baselined, string ToolVersion)
{
    /// <summary>Shown findings of <paramref name="severity"/>.</summary>
    public int CountOf(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);
}
