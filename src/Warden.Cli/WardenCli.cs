using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using Warden.Cli.Infrastructure;

namespace Warden.Cli;

/// <summary>
/// The entry point of the <c>warden</c> tool: builds the command tree, maps Ctrl-C and SIGTERM to one
/// cancellation token, and is the exception boundary that turns bad input into a one-line message and
/// exit code 2.
/// </summary>
internal static class WardenCli
{
    private static readonly string[] RootExamples =
    [
        "warden --help",
        "warden --version",
        "warden <command> --help",
    ];

    /// <summary>Runs <c>warden</c> as a process: real console streams, real signals.</summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyList<ICliCommand> commands)
    {
        using var signals = new SignalCancellation();
        var exitCode = await RunAsync(
            args,
            commands,
            Console.Out,
            Console.Error,
            isTerminal: !Console.IsOutputRedirected,
            noColor: Environment.GetEnvironmentVariable("NO_COLOR"),
            signals.Token).ConfigureAwait(false);
        return signals.ExitCode ?? exitCode;
    }

    /// <summary>Runs <c>warden</c> against the given streams; tests use this overload.</summary>
    public static async Task<int> RunAsync(
        string[] args,
        IReadOnlyList<ICliCommand> commands,
        TextWriter output,
        TextWriter error,
        bool isTerminal,
        string? noColor,
        CancellationToken cancellationToken)
    {
        var context = new CliContext(CliConsole.Create(output, isTerminal, noColor), error, isTerminal);
        var root = BuildRoot(commands, context);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"warden: {parseError.Message}").ConfigureAwait(false);
            }

            var helpCommand = string.Join(' ', ["warden", .. CommandPath(parseResult.CommandResult), "--help"]);
            await error.WriteLineAsync($"Run '{helpCommand}' to see the commands and options.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // our SignalCancellation owns Ctrl-C and SIGTERM
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"warden: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("warden: cancelled.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await error.WriteLineAsync($"warden: unexpected error: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            await error.WriteLineAsync("This is a bug in warden; please report it with the command line you ran.").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// The version printed by <c>--version</c>: the informational version, which is the package version
    /// (e.g. <c>0.1.0</c>, or <c>0.2.0-preview.1</c> with a suffix). The csproj turns off the <c>+commit</c>
    /// suffix SourceLink would append (<c>IncludeSourceRevisionInInformationalVersion</c>), so it names the
    /// package a user installed; the commit is in the package's SourceLink metadata instead.
    /// </summary>
    public static string Version =>
        typeof(WardenCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static RootCommand BuildRoot(IReadOnlyList<ICliCommand> commands, CliContext context)
    {
        var root = new RootCommand("Warden: the async/await production playbook, executable. Find blocking calls, lost tasks and swallowed cancellation; prove async pays off before you migrate.");
        var examples = new Dictionary<Command, IReadOnlyList<string>> { [root] = RootExamples };
        foreach (var command in commands)
        {
            root.Subcommands.Add(Build(command, context, examples));
        }

        // `warden` alone prints the same help as `warden --help`.
        var helpOption = root.Options.OfType<HelpOption>().Single();
        var help = new ExamplesHelpAction((HelpAction)helpOption.Action!, examples);
        helpOption.Action = help;
        root.SetAction(help.Invoke);
        return root;
    }

    /// <summary>Builds a command and, recursively, its subcommands, recording each one's examples for help.</summary>
    private static Command Build(ICliCommand command, CliContext context, Dictionary<Command, IReadOnlyList<string>> examples)
    {
        var definition = command.Create(context);
        examples[definition] = command.Examples;
        foreach (var subcommand in command.Subcommands)
        {
            definition.Subcommands.Add(Build(subcommand, context, examples));
        }

        return definition;
    }

    private static Stack<string> CommandPath(CommandResult? result)
    {
        var names = new Stack<string>();
        for (var current = result; current?.Parent is CommandResult parent; current = parent)
        {
            names.Push(current.Command.Name);
        }

        return names;
    }
}
