using System.CommandLine;
using Spectre.Console;
using Warden.Bench.Reporting;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary><c>warden bench report RESULT.json --html out.html</c>: a self-contained page with the charts and verdicts.</summary>
internal sealed class BenchReportCommand : CliCommand<BenchReportSettings>
{
    private readonly Argument<string> _result = new("RESULT") { Description = "A result file written by --out." };
    private readonly Option<string> _html = new("--html") { Description = "Write the HTML report to this file.", Required = true };

    public override IReadOnlyList<string> Examples { get; } =
    [
        "warden bench report result.json --html report.html",
        "warden bench report benchmarks/results/bench-sync-vs-async-100.json --html sync-vs-async.html",
    ];

    protected override Command Define() => new("report", "Render a result file as one self-contained HTML page with latency- and throughput-versus-load charts.") { _result, _html };

    protected override BenchReportSettings Bind(ParseResult parseResult) =>
        new(parseResult.GetRequiredValue(_result), OutputFile.Check("--html", parseResult.GetRequiredValue(_html), "report", "report.html"));

    protected override async Task<int> ExecuteAsync(CliContext context, BenchReportSettings settings, CancellationToken cancellationToken)
    {
        var result = await ResultFiles.ReadAsync(settings.ResultPath, cancellationToken).ConfigureAwait(false);
        var full = Path.GetFullPath(settings.HtmlPath);
        var temporary = full + ".tmp";
        await File.WriteAllTextAsync(temporary, HtmlReport.Render(result), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, full, overwrite: true);
        context.Out.WriteLine($"Report written to {settings.HtmlPath}");
        return ExitCodes.Success;
    }
}
