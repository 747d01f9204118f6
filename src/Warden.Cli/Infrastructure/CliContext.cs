using Spectre.Console;

namespace Warden.Cli.Infrastructure;

/// <summary>What a command gets to talk to the user: a console for results and a writer for errors.</summary>
/// <param name="Out">Standard output, with colour only when it is a terminal and NO_COLOR is unset.</param>
/// <param name="Error">Standard error, for progress and diagnostics that must not mix with results.</param>
/// <param name="IsInteractive">True when stdout is a terminal, so live progress views may be drawn.</param>
internal sealed record CliContext(IAnsiConsole Out, TextWriter Error, bool IsInteractive);
