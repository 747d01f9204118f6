using Warden.Cli.Commands.Audit;
using Warden.Cli.Infrastructure;

namespace Warden.Cli;

/// <summary>
/// The subcommands of <c>warden</c>. A command is listed here only once it works end to end; help shows
/// exactly this list.
/// </summary>
internal static class WardenCommands
{
    /// <summary>Every registered subcommand, in the order help lists them.</summary>
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new AuditCommand(), // the main job: first in help
        new Commands.Bench.BenchDefaultCommand(),
    ];
}
