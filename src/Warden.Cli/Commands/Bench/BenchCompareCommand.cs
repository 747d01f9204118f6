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
/// threshold: noise does not fail the build. A pair in which either run's generator was the bottleneck gets no
/// verdict; with <c>--fail-on-regression</c> and no real regression elsewhere, that makes the gate exit 2.
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
        var undecided = new List<string>();
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
                if (GeneratorBound(settings.BasePath, baseRun, settings.NewPath, run) is { } why)
                {
                    undecided.Add($"{where}: {why}");
                }
                else
                {
                    if (IsRegression(comparison.Throughput, MetricDirection.HigherIsBetter, settings.Threshold))
                    {
                        regressions.Add($"{where}: throughput {VerdictText.Interval(comparison.Throughput)}");
                    }

                    if (IsRegression(comparison.P99, MetricDirection.LowerIsBetter, settings.Threshold))
                    {
                        regressions.Add($"{where}: p99 {VerdictText.Interval(comparison.P99)}");
                    }
                }

                table.AddRow(
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{level.Load:0.##} {level.Unit}")),
                    Markup.Escape(run.Label),
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
        foreach (var regression in regressions)
        {
            context.Out.WriteLine($"Regression: {regression}");
        }

        foreach (var reason in undecided)
        {
            context.Out.WriteLine($"No verdict: {reason}");
        }

        if (regressions.Count > 0)
        {
            return settings.FailOnRegression ? ExitCodes.Findings : ExitCodes.Success;
        }

        if (undecided.Count > 0 && settings.FailOnRegression)
        {
            // A gate that cannot judge must not pass silently, and it has found no regression either: exit 2, the
            // code the open model already uses when the generator could not keep the rate.
            throw new CliUsageException(string.Create(
                CultureInfo.InvariantCulture,
                $"cannot decide: the generator was the bottleneck in {undecided.Count} of {matched} comparison(s), so a regression can be neither shown nor ruled out there (see 'No verdict' above). Re-run the benchmark on a machine with more free cores or at a lower load."));
        }

        context.Out.WriteLine(undecided.Count == 0 ? "No regression beyond noise." : "No regression beyond noise where a verdict was possible.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Why a pair cannot be judged: a run whose generator was the bottleneck measured the generator, not the
    /// target, so its figures can neither show a regression nor rule one out. Null when both runs are sound.
    /// </summary>
    internal static string? GeneratorBound(string basePath, TargetRun baseRun, string newPath, TargetRun newRun)
    {
        var reasons = new[] { (Path: basePath, Run: baseRun), (Path: newPath, Run: newRun) }
            .Where(x => x.Run.GeneratorSaturated)
            .Select(x => $"{x.Path}: {x.Run.Repetitions.Select(r => r.Generator.Reason).FirstOrDefault(r => r is not null) ?? "the generator was the bottleneck"}")
            .ToArray();
        return reasons.Length == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>Worse beyond noise (the interval excludes no change) and worse than the threshold.</summary>
    internal static bool IsRegression(MetricComparison metric, MetricDirection direction, double threshold) =>
        metric.Verdict == Verdict.Slower && (direction == MetricDirection.HigherIsBetter ? metric.Ratio < 1 / (1 + threshold) : metric.Ratio > 1 + threshold);

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
