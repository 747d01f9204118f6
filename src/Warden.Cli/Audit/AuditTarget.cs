namespace Warden.Cli.Audit;

/// <summary>A resolved audit target.</summary>
/// <param name="Kind">What the path is.</param>
/// <param name="Path">The absolute path of the target.</param>
/// <param name="Root">The absolute folder that findings are reported relative to.</param>
/// <param name="Display">The path as the user gave it (or the default), for messages.</param>
internal sealed record AuditTarget(AuditTargetKind Kind, string Path, string Root, string Display);
