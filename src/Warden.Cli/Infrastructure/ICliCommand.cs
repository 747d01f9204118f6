using System.CommandLine;

namespace Warden.Cli.Infrastructure;

/// <summary>A subcommand of <c>warden</c>.</summary>
internal interface ICliCommand
{
    /// <summary>Examples shown at the end of the command's help, one command line each.</summary>
    IReadOnlyList<string> Examples { get; }

    /// <summary>Commands nested under this one (like <c>bench http</c>); their help shows their own examples.</summary>
    IReadOnlyList<ICliCommand> Subcommands { get; }

    /// <summary>Builds the System.CommandLine definition, with its action bound to <paramref name="context"/>.</summary>
    Command Create(CliContext context);
}
