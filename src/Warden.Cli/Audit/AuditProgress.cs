namespace Warden.Cli.Audit;

/// <summary>Where a running audit is: a stage and how far through it.</summary>
/// <param name="Stage">"parsing", "analyzing"...</param>
/// <param name="Done">Items finished in this stage.</param>
/// <param name="Total">Items in this stage.</param>
internal sealed record AuditProgress(string Stage, int Done, int Total);
