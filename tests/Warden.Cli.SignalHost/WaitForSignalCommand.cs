using System.CommandLine;
using Spectre.Console;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.SignalHost;

/// <summary>`wait`: prints "ready", then waits until the run's token is cancelled by a signal.</summary>
internal sealed class WaitForSignalCommand : CliCommand<WaitForSignalCommand.Settings>
{
    public override IReadOnlyList<string> Examples { get; } = ["signal-host wait"];

    protected override Command Define() => new("wait", "Waits for SIGINT or SIGTERM.");

    protected override Settings Bind(ParseResult parseResult) => new();

    protected override async Task<int> ExecuteAsync(CliContext context, Settings settings, CancellationToken cancellationToken)
    {
        context.Out.WriteLine("ready");
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        return ExitCodes.Success;
    }

    internal sealed record Settings;
}
