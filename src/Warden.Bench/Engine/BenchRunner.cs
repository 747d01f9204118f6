using System.Reflection;
using HdrHistogram;
using Warden.Bench.Results;
using Warden.Bench.Statistics;

namespace Warden.Bench.Engine;

/// <summary>
/// Runs a whole session: for each level, repetitions of A and B interleaved in ABBA order (A B, B A, A B ...)
/// so that drift on the machine hits both alike; then summaries, verdicts and, for ramps, knees.
/// </summary>
internal sealed class BenchRunner
{
    private static readonly string[] Labels = ["A", "B"];
    private readonly BenchOptions _options;
    private readonly LoadRunner _runner;

    public BenchRunner(BenchOptions options)
    {
        options.Validate();
        _options = options;
        _runner = new LoadRunner(options, options.GeneratorProbe ?? new ProcessGeneratorProbe());
    }

    public async Task<BenchResult> RunAsync(IReadOnlyList<IBenchTarget> targets, string? commandLine, CancellationToken cancellationToken)
    {
        if (targets.Count is < 1 or > 2)
        {
            throw new ArgumentException("Give one target, or two to compare (A and B).", nameof(targets));
        }

        var startedAt = _options.TimeProvider.GetUtcNow();
        var model = _options.Load.Kind;
        var levels = new List<LevelResult>();
        var totalRuns = _options.Load.Levels.Count * _options.Repetitions * targets.Count;
        var done = 0;
        var order = 0;
        foreach (var level in _options.Load.Levels)
        {
            var repetitions = targets.Select(_ => new List<RepetitionResult>()).ToArray();
            for (var rep = 0; rep < _options.Repetitions; rep++)
            {
                foreach (var t in RunOrder(targets.Count, rep))
                {
                    var target = targets[t];
                    var runIndex = done;
                    void Live(LiveSample sample) => _options.Progress?.Report(new BenchProgress(
                        target.Name, level, rep + 1, _options.Repetitions, sample.Stage, (runIndex + sample.StageFraction) / totalRuns, sample.RequestsPerSecond, sample.P99Milliseconds, sample.Errors));
                    var measurement = await _runner.RunAsync(target, model, level, _options.Progress is null ? null : Live, cancellationToken).ConfigureAwait(false);
                    repetitions[t].Add(ToResult(measurement, rep + 1, ++order, model));
                    done++;
                }
            }

            var runs = repetitions.Select((reps, t) => Summarise(Labels[t], reps)).ToArray();
            var comparison = runs.Length == 2 && model != LoadModelKind.Ramp
                ? ComparisonBuilder.Paired(runs[0], runs[1], targets[1].Name == "B" ? "B" : $"B ({targets[1].Name})", _options.Threshold, _options.LatencyNoiseFloor)
                : null;
            levels.Add(new LevelResult { Load = level, Unit = model == LoadModelKind.Open ? "req/s" : "users", Runs = runs, Comparison = comparison });
        }

        return new BenchResult
        {
            ToolVersion = ToolVersion,
            Machine = MachineInfo.Current(),
            CommandLine = commandLine,
            StartedAt = startedAt,
            Model = model,
            Settings = new RunSettings
            {
                DurationSeconds = _options.Duration.TotalSeconds,
                WarmupSeconds = _options.Warmup.TotalSeconds,
                Repetitions = _options.Repetitions,
                TimeoutSeconds = _options.Timeout.TotalSeconds,
                Threshold = _options.Threshold,
                SloMs = _options.Load.Slo?.TotalMilliseconds,
            },
            Targets = [.. targets.Select((t, i) => new TargetInfo { Label = Labels[i], Name = t.Name, Description = t.Description })],
            Levels = levels,
            Knees = model == LoadModelKind.Ramp ? FindKnees(levels, targets.Count) : [],
        };
    }

    /// <summary>The version of this library, without build metadata.</summary>
    public static string ToolVersion
    {
        get
        {
            var version = typeof(BenchRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    /// <summary>ABBA: even repetitions run A then B, odd ones B then A.</summary>
    internal static IEnumerable<int> RunOrder(int targets, int repetition) =>
        targets == 1 ? [0] : repetition % 2 == 0 ? [0, 1] : [1, 0];

    /// <summary>Summarises one target's repetitions at a level; histograms merge exactly.</summary>
    internal static TargetRun Summarise(string label, IReadOnlyList<RepetitionResult> repetitions)
    {
        HistogramBase? merged = null;
        foreach (var repetition in repetitions)
        {
            var histogram = HistogramCodec.Decode(repetition.Histogram);
            if (merged is null)
            {
                merged = histogram;
            }
            else
            {
                merged.Add(histogram);
            }
        }

        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in repetitions.SelectMany(r => r.Errors))
        {
            errors[kind] = errors.GetValueOrDefault(kind) + count;
        }

        return new TargetRun
        {
            Label = label,
            Repetitions = repetitions,
            Throughput = Median(repetitions.Select(r => r.Throughput)),
            P99 = Median(repetitions.Select(r => r.Latency.P99)),
            Latency = merged is null ? new LatencySummary() : LatencySummary.From(merged),
            Errors = errors,
            GeneratorSaturated = repetitions.Any(r => r.Generator.Saturated),
        };
    }

    private static RepetitionResult ToResult(RepetitionMeasurement measurement, int index, int order, LoadModelKind model)
    {
        var latency = LatencySummary.From(measurement.Latency);
        return new RepetitionResult
        {
            Index = index,
            Order = order,
            Requests = measurement.Successes,
            Errors = measurement.Errors,
            Dropped = measurement.Dropped,
            DurationSeconds = measurement.Duration.TotalSeconds,
            Throughput = measurement.Successes / measurement.Duration.TotalSeconds,
            Latency = latency,
            Generator = GeneratorAssessment.Assess(measurement, latency, model),
            Histogram = HistogramCodec.Encode(measurement.Latency),
        };
    }

    private IReadOnlyList<KneeResult> FindKnees(IReadOnlyList<LevelResult> levels, int targets) =>
        [.. Enumerable.Range(0, targets).Select(t => KneeDetector.Find(
            Labels[t],
            [.. levels.Select(l => (l.Load, l.Runs[t].Throughput, l.Runs[t].P99, l.Runs[t].GeneratorSaturated))],
            _options.Load.Slo))];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
