using Warden.Cli.Audit.Loading;

namespace Warden.Cli.Audit;

/// <summary>What to audit and how.</summary>
/// <param name="Target">The resolved target.</param>
/// <param name="Mode">No-build (default) or MSBuild.</param>
/// <param name="Limits">Input limits.</param>
internal sealed record AuditRequest(AuditTarget Target, AuditMode Mode, AuditLimits Limits);
