namespace Warden.Cli.Audit;

/// <summary>One analyzer finding in audited source.</summary>
/// <param name="RuleId">The rule, e.g. <c>WD201</c>.</param>
/// <param name="Severity">The effective severity (after <c>.editorconfig</c>).</param>
/// <param name="Message">The rule's message for this occurrence.</param>
/// <param name="Path">The file, relative to the audited root, with forward slashes.</param>
/// <param name="Line">1-based line of the start.</param>
/// <param name="Column">1-based column of the start.</param>
/// <param name="EndLine">1-based line of the end.</param>
/// <param name="EndColumn">1-based column of the end.</param>
/// <param name="SourceLine">The text of the start line, for excerpts and baseline fingerprints.</param>
internal sealed record Finding(
    string RuleId,
    FindingSeverity Severity,
    string Message,
    string Path,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string SourceLine);
