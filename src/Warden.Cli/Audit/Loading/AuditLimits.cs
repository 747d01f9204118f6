namespace Warden.Cli.Audit.Loading;

/// <summary>Limits that protect a run from inputs that are not source code.</summary>
/// <param name="MaxFileBytes">Files larger than this are skipped (generated blobs, data files named .cs).</param>
internal sealed record AuditLimits(long MaxFileBytes)
{
    /// <summary>The default: 2 MiB, far above any hand-written C# file.</summary>
    public static AuditLimits Default { get; } = new(2 * 1024 * 1024);
}
