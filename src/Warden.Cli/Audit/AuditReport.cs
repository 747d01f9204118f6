namespace Warden.Cli.Audit;

/// <summary>The result of one audit, ready for a reporter.</summary>
/// <param name="Root">The absolute folder paths in findings are relative to.</param>
/// <param name="Target">The path the user asked for, as given.</param>
/// <param name="Mode">How the sources were loaded.</param>
/// <param name="Findings">Findings in audited code, sorted by path, line and column.</param>
/// <param name="Suppressed">Findings suppressed in source (<c>#pragma</c>, <c>[SuppressMessage]</c>, a suppressor): listed, never failing the run.</param>
/// <param name="Rules">Every rule that ran, by id.</param>
/// <param name="Skipped">Inputs that could not be used.</param>
/// <param name="Projects">How many projects were audited.</param>
/// <param name="Files">How many source files were audited.</param>
/// <param name="Lines">How many source lines those files hold.</param>
/// <param name="FilesWithSyntaxErrors">Files that did not parse cleanly (audited anyway, best effort).</param>
/// <param name="Spread">The async spread figures.</param>
/// <param name="Elapsed">Wall time of the audit.</param>
internal sealed record AuditReport(
    string Root,
    string Target,
    AuditMode Mode,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding> Suppressed,
    IReadOnlyDictionary<string, RuleInfo> Rules,
    IReadOnlyList<SkippedInput> Skipped,
    int Projects,
    int Files,
    int Lines,
    int FilesWithSyntaxErrors,
    AsyncSpread Spread,
    TimeSpan Elapsed)
{
    /// <summary>The rule metadata for a finding, or a placeholder when the rule is not a Warden rule.</summary>
    public RuleInfo RuleFor(string id) =>
        Rules.TryGetValue(id, out var rule) ? rule : new RuleInfo(id, id, string.Empty, string.Empty, 0, FindingSeverity.Warning);
}
