using HdrHistogram;
using Warden.Bench;
using Warden.Bench.Results;

namespace Warden.Cli.Tests.Bench;

/// <summary>Result files with chosen per-repetition throughput and p99, for compare and report tests.</summary>
internal static class SyntheticResults
{
    /// <summary>The reason a saturated repetition carries, as the engine words it.</summary>
    public const string SaturationReason = "the generator was the bottleneck: process CPU 97% and its thread-pool work waited p99 12.6 ms (limit 10 ms)";

    public static BenchResult Create(double[] throughput, double[] p99, bool generatorSaturated = false)
    {
        var repetitions = throughput.Select((t, i) =>
        {
            var histogram = new LongHistogram(3_600_000_000, 3);
            histogram.RecordValueWithCount((long)(p99[i] * 1000), (long)t);
            return new RepetitionResult
            {
                Index = i + 1,
                Order = i + 1,
                Requests = (long)t,
                DurationSeconds = 1,
                Throughput = t,
                Latency = LatencySummary.From(histogram),
                Histogram = HistogramCodec.Encode(histogram),
                Generator = generatorSaturated ? new GeneratorHealth { Saturated = true, Reason = SaturationReason } : new GeneratorHealth(),
            };
        }).ToArray();
        var run = new TargetRun
        {
            Label = "A",
            Repetitions = repetitions,
            Throughput = throughput.Order().ElementAt(throughput.Length / 2),
            P99 = p99.Order().ElementAt(p99.Length / 2),
            Latency = repetitions[0].Latency,
            GeneratorSaturated = generatorSaturated,
        };
        return new BenchResult
        {
            Model = LoadModelKind.Closed,
            Settings = new RunSettings { DurationSeconds = 1, Repetitions = repetitions.Length, Threshold = 0.05 },
            Targets = [new TargetInfo { Label = "A", Name = "async", Description = "GET http://127.0.0.1/async" }],
            Levels = [new LevelResult { Load = 100, Unit = "users", Runs = [run] }],
        };
    }

    public static async Task<string> WriteAsync(string folder, string name, double[] throughput, double[] p99, bool generatorSaturated = false)
    {
        var path = Path.Combine(folder, name);
        await BenchResultFile.WriteAsync(Create(throughput, p99, generatorSaturated), path, TestContext.Current.CancellationToken);
        return path;
    }
}
