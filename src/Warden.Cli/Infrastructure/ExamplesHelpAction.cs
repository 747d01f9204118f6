using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Warden.Cli.Infrastructure;

/// <summary>Prints System.CommandLine's help, then an "Examples:" section for the command asked about.</summary>
internal sealed class ExamplesHelpAction(HelpAction inner, IReadOnlyDictionary<Command, IReadOnlyList<string>> examples)
    : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = inner.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines) && lines.Count > 0)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine($"  {line}");
            }

            output.WriteLine();
        }

        return exitCode;
    }
}
