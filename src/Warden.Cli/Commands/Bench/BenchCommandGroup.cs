using System.CommandLine;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary><c>warden bench</c> and its subcommands <c>http</c>, <c>compare</c> and <c>report</c>.</summary>
internal sealed class BenchCommandGroup : ICliCommand
{
    public IReadOnlyList<string> Examples { get; } =
    [
        "warden bench                                   # Storefront sync vs async at 10, 100, 1000 users",
        "warden bench http http://127.0.0.1:5080/sync/products/1 --vs http://127.0.0.1:5080/async/products/1 --concurrency 100 --repeat 5",
        "warden bench http http://127.0.0.1:5080/async/products/1 --rate 500/s --duration 30s",
        "warden bench http http://127.0.0.1:5080/async/products/1 --ramp 10..1000 --over 2m --slo 200ms",
        "warden bench compare base.json new.json --fail-on-regression 5%",
        "warden bench report result.json --html report.html",
    ];

    public Command Create(CliContext context)
    {
        var bench = new BenchDefaultCommand().Create(context);
        bench.Subcommands.Add(new BenchHttpCommand().Create(context));
        bench.Subcommands.Add(new BenchCompareCommand().Create(context));
        bench.Subcommands.Add(new BenchReportCommand().Create(context));
        return bench;
    }
}
