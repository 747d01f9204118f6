using System.Globalization;
using Spectre.Console;
using Warden.Bench;
using Warden.Bench.Reporting;
using Warden.Bench.Results;
using Warden.Bench.Statistics;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Commands.Bench;

/// <summary>
/// Runs the engine for a command: a live view (progress, current rate, p99) when stdout is a terminal, then the
/// table, the verdicts and the result file.
/// </summary>
internal static class BenchSession
{
    private static readonly TimeSpan LiveRefresh = TimeSpan.FromMilliseconds(250);

    public static async Task<BenchResult> RunAsync(CliContext context, IReadOnlyList<IBenchTarget> targets, BenchOptions options, string commandLine, CancellationToken cancellationToken)
    {
        if (!context.IsInteractive)
        {
            return await Warden.Bench.Bench.RunAsync(targets, options, commandLine, cancellationToken).ConfigureAwait(false);
        }

        var progress = new LatestProgress();
        var run = Warden.Bench.Bench.RunAsync(targets, options with { Progress = progress }, commandLine, cancellationToken);
        await context.Out.Live(Render(progress.Latest))
            .StartAsync(live => FollowAsync(run, () => live.UpdateTarget(Render(progress.Latest)), options.TimeProvider, cancellationToken))
            .ConfigureAwait(false);
        return await run.ConfigureAwait(false);
    }

    /// <summary>
    /// Refreshes the live view every <see cref="LiveRefresh"/> until <paramref name="run"/> ends or Ctrl-C cancels,
    /// then once more. After a cancellation the view stops at once and the caller waits for the run to unwind; the
    /// loop must not go round again, because a delay on a cancelled token completes at once and it would spin.
    /// </summary>
    internal static async Task FollowAsync(Task run, Action refresh, TimeProvider time, CancellationToken cancellationToken)
    {
        while (!run.IsCompleted && !cancellationToken.IsCancellationRequested)
        {
            // WhenAny never throws: a cancelled delay only ends this wait early.
            await Task.WhenAny(run, Task.Delay(LiveRefresh, time, cancellationToken)).ConfigureAwait(false);
            refresh();
        }
    }

    /// <summary>Prints the table and verdicts, writes the result file; returns the exit code.</summary>
    public static async Task<int> ReportAsync(CliContext context, BenchResult result, string? outPath, CancellationToken cancellationToken)
    {
        Print(context.Out, result);
        if (outPath is not null)
        {
            await BenchResultFile.WriteAsync(result, outPath, cancellationToken).ConfigureAwait(false);
            context.Out.WriteLine($"Result written to {outPath}");
        }

        var generator = result.Levels.SelectMany(l => l.Runs).SelectMany(r => r.Repetitions).Select(r => r.Generator).FirstOrDefault(g => g.Saturated);
        if (result.Model == LoadModelKind.Open && generator is not null)
        {
            throw new CliUsageException(
                $"this machine could not generate the requested rate: {generator.Reason}. Lower --rate, or run the generator on a machine with more free cores.");
        }

        return ExitCodes.Success;
    }

    public static void Print(IAnsiConsole console, BenchResult result)
    {
        console.WriteLine(HtmlReport.ModelText(result.Model) + ".");
        var names = result.Targets.ToDictionary(t => t.Label, t => $"{t.Label} ({t.Name})", StringComparer.Ordinal);
        foreach (var target in result.Targets)
        {
            console.WriteLine($"{target.Label} = {target.Name}: {target.Description}");
        }

        var table = new Table().AddColumns("load", "", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "generator");
        foreach (var level in result.Levels)
        {
            foreach (var run in level.Runs)
            {
                table.AddRow(
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{level.Load:0.##} {level.Unit}")),
                    run.Label,
                    Number(run.Throughput, "0.#"),
                    Number(run.Latency.P50, "0.##"),
                    Number(run.Latency.P90, "0.##"),
                    Number(run.P99, "0.##"),
                    Number(run.Latency.Max, "0.##"),
                    Markup.Escape(run.Errors.Count == 0 ? "0" : string.Join(", ", run.Errors.Select(e => $"{e.Key} {e.Value}"))),
                    run.GeneratorSaturated ? "bottleneck" : "ok");
            }
        }

        console.Write(table);
        foreach (var level in result.Levels.Where(l => l.Comparison is not null))
        {
            var c = level.Comparison!;
            console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"At {level.Load:0.##} {level.Unit}: {c.Verdict}. {c.Sentence} (throughput {VerdictText.Interval(c.Throughput)}, p99 {VerdictText.Interval(c.P99)}, 95% CI){(c.Reason is null ? string.Empty : "; " + c.Reason)}."));
        }

        foreach (var knee in result.Knees)
        {
            console.WriteLine($"{names.GetValueOrDefault(knee.Label, knee.Label)}: {knee.Description}.");
        }

        foreach (var reason in result.Levels.SelectMany(l => l.Runs).SelectMany(r => r.Repetitions).Select(r => r.Generator.Reason).OfType<string>().Distinct(StringComparer.Ordinal).Take(3))
        {
            console.WriteLine($"Warning: {reason}.");
        }
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static Text Render(BenchProgress? progress)
    {
        if (progress is null)
        {
            return new Text("starting...");
        }

        var p99 = progress.P99Milliseconds is { } ms ? ms.ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "-";
        return new Text(string.Create(
            CultureInfo.InvariantCulture,
            $"{progress.Fraction * 100,3:0}%  {progress.Target} at {progress.Load:0.##}  rep {progress.Repetition}/{progress.Repetitions}  {progress.Stage.ToString().ToLowerInvariant()}  {progress.RequestsPerSecond:0} req/s  p99 {p99}  errors {progress.Errors}"));
    }
}
