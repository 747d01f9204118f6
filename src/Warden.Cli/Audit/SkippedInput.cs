namespace Warden.Cli.Audit;

/// <summary>An input the audit could not use, and why; the run continues without it.</summary>
/// <param name="Path">The file or project, relative to the audited root when inside it.</param>
/// <param name="Reason">What was wrong, and what was done instead.</param>
internal sealed record SkippedInput(string Path, string Reason);
