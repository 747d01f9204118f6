using Spectre.Console;

namespace Warden.Cli.Infrastructure;

/// <summary>
/// Creates the console that commands write results to. Colour and ANSI codes are used only when stdout
/// is a terminal and the NO_COLOR convention (https://no-color.org) is not in force, so redirected output
/// and CI logs stay plain text.
/// </summary>
internal static class CliConsole
{
    /// <summary>Creates a console writing to <paramref name="output"/>.</summary>
    /// <param name="output">Where results go.</param>
    /// <param name="isTerminal">Whether <paramref name="output"/> is an interactive terminal.</param>
    /// <param name="noColor">The value of the NO_COLOR environment variable, if any.</param>
    public static IAnsiConsole Create(TextWriter output, bool isTerminal, string? noColor)
    {
        var useColor = UseColor(isTerminal, noColor);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = useColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = useColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
    }

    /// <summary>Colour is on for a terminal unless NO_COLOR is set to any non-empty value.</summary>
    public static bool UseColor(bool isTerminal, string? noColor) => isTerminal && string.IsNullOrEmpty(noColor);
}
