using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Warden.Bench.Results;
using Warden.Bench.Statistics;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary>
/// <c>warden bench compare BASE.json NEW.json [--fail-on-regression 5%]</c>: compares two result files level by
/// level and target by target (Welch intervals on log values, since the runs are separate). A regression is a
/// metric whose whole interval lies on the worse side of no change and whose estimate is worse than the
/// threshold: noise does not fail the build.
/// </summary>
internal sealed class BenchCompareCommand : CliCommand<BenchCompareSettings>
{
    private readonly Argument<string> _base = new("BASE") { Description = "The baseline result file." };
    private readonly Argument<string> _new = new("NEW") { Description = "The new result file." };
    private readonly Option<string?> _fail = new("--fail-on-regression") { Description = "Exit 1 when throughput or p99 is worse than this, beyond noise (like 5%)." };

    public override IReadOnlyList<string> Examples { get; } =
    [
        "warden bench compare base.json new.json                          # the table and any regression, exit 0",
        "warden bench compare benchmarks/results/base.json new.json --fail-on-regression 5%   # CI gate: exit 1 on a real regression",
    ];

    protected override Command Define() => new("compare", "Compare two result files; with --fail-on-regression, exit 1 on a real regression (not on noise).") { _base, _new, _fail };

    protected override BenchCompareSettings Bind(ParseResult parseResult)
    {
        var fail = parseResult.GetValue(_fail);
        return new BenchCompareSettings(
            parseResult.GetRequiredValue(_base),
            parseResult.GetRequiredValue(_new),
            fail is null ? 0.05 : BenchValueParser.Fraction("--fail-on-regression", fail),
            fail is not null);
    }

    protected override async Task<int> ExecuteAsync(CliContext context, BenchCompareSettings settings, CancellationToken cancellationToken)
    {
        var baseline = await ResultFiles.ReadAsync(settings.BasePath, cancellationToken).ConfigureAwait(false);
        var candidate = await ResultFiles.ReadAsync(settings.NewPath, cancellationToken).ConfigureAwait(false);
        if (baseline.Model != candidate.Model)
        {
            throw new CliUsageException($"{settings.BasePath} used the {baseline.Model} model and {settings.NewPath} the {candidate.Model} model; compare runs made with the same model.");
        }

        var table = new Table().AddColumns("load", "target", "base req/s", "new req/s", "throughput new/base", "base p99", "new p99", "p99 new/base", "verdict");
        var regressions = new List<string>();
        var matched = 0;
        foreach (var level in candidate.Levels)
        {
            var baseLevel = baseline.Levels.FirstOrDefault(l => l.Load.Equals(level.Load) && l.Unit == level.Unit);
            foreach (var run in level.Runs)
            {
                var baseRun = baseLevel?.Runs.FirstOrDefault(r => r.Label == run.Label);
                if (baseRun is null)
                {
                    continue;
                }

                matched++;
                var comparison = ComparisonBuilder.Unpaired(baseRun, run, "new", settings.Threshold, TimeSpan.FromMilliseconds(1));
                var where = string.Create(CultureInfo.InvariantCulture, $"{level.Load:0.##} {level.Unit}, {run.Label}");
                if (IsRegression(comparison.Throughput, MetricDirection.HigherIsBetter, settings.Threshold))
                {
                    regressions.Add($"{where}: throughput {VerdictText.Interval(comparison.Throughput)}");
                }

                if (IsRegression(comparison.P99, MetricDirection.LowerIsBetter, settings.Threshold))
                {
                    regressions.Add($"{where}: p99 {VerdictText.Interval(comparison.P99)}");
                }

                table.AddRow(
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{level.Load:0.##} {level.Unit}")),
                    run.Label,
                    Format(baseRun.Throughput),
                    Format(run.Throughput),
                    Markup.Escape(VerdictText.Interval(comparison.Throughput)),
                    Format(baseRun.P99),
                    Format(run.P99),
                    Markup.Escape(VerdictText.Interval(comparison.P99)),
                    comparison.Verdict.ToString());
            }
        }

        if (matched == 0)
        {
            throw new CliUsageException($"{settings.BasePath} and {settings.NewPath} share no load level and target; compare runs of the same levels.");
        }

        context.Out.Write(table);
        context.Out.WriteLine($"Intervals: {RatioEstimate.UnpairedMethod}; threshold {(settings.Threshold * 100).ToString("0.#", CultureInfo.InvariantCulture)}%.");
        if (regressions.Count == 0)
        {
            context.Out.WriteLine("No regression beyond noise.");
            return ExitCodes.Success;
        }

        foreach (var regression in regressions)
        {
            context.Out.WriteLine($"Regression: {regression}");
        }

        return settings.FailOnRegression ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>Worse beyond noise (the interval excludes no change) and worse than the threshold.</summary>
    internal static bool IsRegression(MetricComparison metric, MetricDirection direction, double threshold) =>
        metric.Verdict == Verdict.Slower && (direction == MetricDirection.HigherIsBetter ? metric.Ratio < 1 / (1 + threshold) : metric.Ratio > 1 + threshold);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
