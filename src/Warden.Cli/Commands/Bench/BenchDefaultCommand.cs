using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Storefront;
using Warden.Bench;
using Warden.Bench.Http;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary>
/// <c>warden bench</c>: the playbook's chapter-1 proof out of the box. Hosts samples/Storefront in this process on
/// a free loopback port and compares <c>/sync/products/{id}</c> (A) with <c>/async/products/{id}</c> (B) at 10,
/// 100 and 1,000 concurrent users. Its subcommands are <c>http</c>, <c>compare</c> and <c>report</c>.
/// </summary>
internal sealed class BenchDefaultCommand : CliCommand<BenchDefaultSettings>
{
    private static readonly TimeSpan HostBound = TimeSpan.FromSeconds(30);
    private readonly Option<string> _concurrency = new("--concurrency", "-c") { Description = "Concurrent users per level.", DefaultValueFactory = _ => "10,100,1000" };
    private readonly Option<int> _latency = new("--latency-ms") { Description = "The Storefront's fake downstream latency per call.", DefaultValueFactory = _ => 20 };
    private readonly BenchRunOptions _run = new(defaultDuration: "5s", defaultWarmup: "2s", defaultRepeat: 3, defaultOut: "bench-result.json");

    public override IReadOnlyList<string> Examples { get; } =
    [
        "warden bench                                   # Storefront sync vs async at 10, 100, 1000 users",
        "warden bench --concurrency 100 --repeat 5 --out bench-result.json",
        "warden bench http http://127.0.0.1:5080/sync/products/1 --vs http://127.0.0.1:5080/async/products/1 --concurrency 100 --repeat 5",
        "warden bench http http://127.0.0.1:5080/async/products/1 --rate 500/s --duration 30s",
        "warden bench http http://127.0.0.1:5080/async/products/1 --ramp 10..1000 --over 2m --slo 200ms",
        "warden bench compare base.json new.json --fail-on-regression 5%",
        "warden bench report result.json --html report.html",
    ];

    public override IReadOnlyList<ICliCommand> Subcommands { get; } = [new BenchHttpCommand(), new BenchCompareCommand(), new BenchReportCommand()];

    protected override Command Define()
    {
        var command = new Command("bench", "Prove a change with load: with no subcommand, compare the Storefront sample's sync and async product pages at 10, 100 and 1,000 users (hosted in this process).")
        {
            _concurrency, _latency,
        };
        _run.AddTo(command);
        return command;
    }

    protected override BenchDefaultSettings Bind(ParseResult parseResult)
    {
        var latency = parseResult.GetValue(_latency);
        if (latency is < 0 or > 10_000)
        {
            throw new CliUsageException($"--latency-ms {latency} must be between 0 and 10000.");
        }

        var (options, outPath) = _run.Bind(parseResult, LoadModel.Closed(BenchValueParser.Concurrency(parseResult.GetRequiredValue(_concurrency))));
        var commandLine = "warden " + string.Join(' ', parseResult.Tokens.Select(t => t.Value));
        return new BenchDefaultSettings(options, latency, outPath, commandLine);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, BenchDefaultSettings settings, CancellationToken cancellationToken)
    {
        // In one process the sync endpoint blocks a pool thread per user while its fake downstream, the
        // generator's timers and even signal handling need threads from the same pool; with the default minimum
        // (one per core) 100 users starve the whole process and the run never ends. Pre-growing the pool keeps
        // the generator alive; it also spares the sync endpoint the slow thread injection a real sync service
        // would suffer, which the output says.
        var users = (int)settings.Options.Load.Levels.Max();
        ThreadPool.GetMinThreads(out var workers, out var io);
        var minimum = Math.Max(workers, (2 * users) + 64);
        ThreadPool.SetMinThreads(minimum, io);
        await using var app = StorefrontApp.Build(["--port", "0", "--latency-ms", settings.LatencyMs.ToString(CultureInfo.InvariantCulture), "--Logging:LogLevel:Default", "None"]); // the sample's logs would bury the results
        await app.StartAsync(cancellationToken).WaitAsync(HostBound, cancellationToken).ConfigureAwait(false);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            context.Out.WriteLine($"Storefront hosted in this process at {address} (downstream latency {settings.LatencyMs} ms); generator and target share its CPU and thread pool, pre-grown to {minimum} threads so the sync endpoint cannot starve the generator. For a sync service with a cold pool, run Storefront in its own process and use 'warden bench http'.");
            using var sync = new HttpTarget("sync", new HttpRequestSpec { Url = new Uri(address, "/sync/products/1") }, users);
            using var async = new HttpTarget("async", new HttpRequestSpec { Url = new Uri(address, "/async/products/1") }, users);
            var result = await BenchSession.RunAsync(context, [sync, async], settings.Options, settings.CommandLine, cancellationToken).ConfigureAwait(false);
            return await BenchSession.ReportAsync(context, result, settings.Out, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None).WaitAsync(HostBound, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
