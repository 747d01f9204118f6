using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests;

/// <summary>Runs the real entry point in-process with captured streams.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(
        string[] args,
        IReadOnlyList<ICliCommand>? commands = null,
        bool isTerminal = false,
        string? noColor = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await WardenCli.RunAsync(
            args,
            commands ?? WardenCommands.All,
            output,
            error,
            isTerminal,
            noColor,
            TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
