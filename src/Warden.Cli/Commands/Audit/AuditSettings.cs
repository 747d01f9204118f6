using Warden.Cli.Audit;
using Warden.Cli.Audit.Reporting;

namespace Warden.Cli.Commands.Audit;

/// <summary>The validated options of <c>warden audit</c>.</summary>
/// <param name="Path">The PATH argument, or null for the default target.</param>
/// <param name="Format">The output format.</param>
/// <param name="Output">Where to write the report, or null for stdout.</param>
/// <param name="BaselineFile">The baseline file, or null.</param>
/// <param name="WriteBaseline">Whether to (re)write the baseline from this run's findings.</param>
/// <param name="FailOn">The lowest severity that fails the run.</param>
/// <param name="Mode">No-build or MSBuild.</param>
/// <param name="MaxFileBytes">Files larger than this are skipped.</param>
internal sealed record AuditSettings(
    string? Path,
    AuditFormat Format,
    string? Output,
    string? BaselineFile,
    bool WriteBaseline,
    FailOn FailOn,
    AuditMode Mode,
    long MaxFileBytes);
