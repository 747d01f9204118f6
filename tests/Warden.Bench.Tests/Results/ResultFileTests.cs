using HdrHistogram;
using Warden.Bench.Results;

namespace Warden.Bench.Tests.Results;

public sealed class ResultFileTests
{
    [Fact]
    public void Histograms_round_trip_through_the_encoding()
    {
        var histogram = new LongHistogram(3_600_000_000, 3);
        foreach (var value in new long[] { 1, 250, 10_000, 10_000, 3_000_000 })
        {
            histogram.RecordValue(value);
        }

        var decoded = HistogramCodec.Decode(HistogramCodec.Encode(histogram));

        Assert.Equal(5, decoded.TotalCount);
        Assert.Equal(histogram.GetValueAtPercentile(50), decoded.GetValueAtPercentile(50));
        Assert.Equal(histogram.GetMaxValue(), decoded.GetMaxValue());
    }

    [Fact]
    public async Task A_run_written_and_read_back_is_the_same_run()
    {
        var time = FakeClock.Create();
        var options = new BenchOptions { Load = LoadModel.Closed(1), Duration = TimeSpan.FromMilliseconds(100), Warmup = TimeSpan.Zero, Repetitions = 2, TimeProvider = time, GeneratorProbe = FixedProbe.Idle };
        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([new FakeTarget("a", time, TimeSpan.FromMilliseconds(10)), new FakeTarget("b", time, TimeSpan.FromMilliseconds(5))], options, cancellationToken: TestContext.Current.CancellationToken));

        var read = BenchResultFile.Parse(BenchResultFile.ToJson(result), "memory");

        Assert.Equal(result.Levels[0].Runs[1].Repetitions[1].Histogram, read.Levels[0].Runs[1].Repetitions[1].Histogram);
        Assert.Equal(result.Levels[0].Comparison!.Verdict, read.Levels[0].Comparison!.Verdict);
        Assert.Contains("\"model\": \"closed\"", BenchResultFile.ToJson(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "is not a warden bench result")]
    [InlineData("{\"schema\":\"other/9\"}", "has schema 'other/9'")]
    [InlineData("{\"schema\":\"warden-bench/1\"}", "has no levels")]
    [InlineData("{\"schema\":\"warden-bench/1\",\"targets\":[{\"label\":\"A\"}],\"levels\":[{\"load\":1,\"runs\":[{\"repetitions\":[{\"histogram\":\"AAAA\"}]}]}]}", "cannot be decoded")]
    public void Malformed_files_are_refused_with_a_reason(string json, string expected)
    {
        var error = Assert.Throws<BenchResultFormatException>(() => BenchResultFile.Parse(json, "x.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    // VALID stands for an encoded histogram, so each case breaks exactly one thing.
    [Theory]
    [InlineData("[{\"label\":\"A\",\"repetitions\":[{\"histogram\":null}]}]", "levels[0].runs[0].repetitions[0].histogram is missing")]
    [InlineData("[{\"label\":\"A\",\"repetitions\":[{\"histogram\":\"VALID\",\"latency\":null}]}]", "levels[0].runs[0].repetitions[0].latency is missing")]
    [InlineData("[{\"label\":\"A\",\"repetitions\":[{\"histogram\":\"VALID\",\"generator\":null}]}]", "levels[0].runs[0].repetitions[0].generator is missing")]
    [InlineData("[{\"label\":\"A\",\"repetitions\":[{}]}]", "levels[0].runs[0].repetitions[0].histogram is missing")]
    [InlineData("[{\"label\":\"A\",\"repetitions\":[null]}]", "levels[0].runs[0].repetitions[0] is missing")]
    [InlineData("[{\"label\":\"A\",\"repetitions\":[]}]", "levels[0].runs[0].repetitions is missing or empty")]
    [InlineData("[{\"label\":\"A\"}]", "levels[0].runs[0].repetitions is missing or empty")]
    [InlineData("[{\"label\":\"A\",\"repetitions\":null}]", "levels[0].runs[0].repetitions is missing or empty")]
    [InlineData("[{\"label\":null,\"repetitions\":[]}]", "levels[0].runs[0].label is missing")]
    [InlineData("[null]", "levels[0].runs[0] is missing")]
    [InlineData("[]", "levels[0].runs is missing or empty")]
    [InlineData("null", "levels[0].runs is missing or empty")]
    public void Runs_with_missing_measurements_are_refused_naming_the_field(string runs, string expected)
    {
        var json = Document(runs.Replace("VALID", ValidHistogram, StringComparison.Ordinal));

        var error = Assert.Throws<BenchResultFormatException>(() => BenchResultFile.Parse(json, "x.json"));

        Assert.StartsWith($"x.json is not a complete warden bench result: {expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"targets\":null", "x.json has no levels or no targets")]
    [InlineData("\"levels\":[null]", "levels[0] is missing")]
    [InlineData("\"machine\":null", "machine is missing")]
    [InlineData("\"settings\":null", "settings is missing")]
    [InlineData("\"knees\":null", "knees is missing")]
    [InlineData("\"targets\":[{\"label\":\"A\"},{\"label\":\"A\"}]", "targets[1].label 'A' is used by another target")]
    public void Wrong_top_level_fields_are_refused_naming_them(string field, string expected)
    {
        var json = Document(CompleteRuns, top: field);

        var error = Assert.Throws<BenchResultFormatException>(() => BenchResultFile.Parse(json, "x.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_without_its_metrics_is_refused()
    {
        var json = Document(CompleteRuns, level: "\"comparison\":{\"throughput\":null}");

        var error = Assert.Throws<BenchResultFormatException>(() => BenchResultFile.Parse(json, "x.json"));

        Assert.Contains("levels[0].comparison.throughput is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimal_complete_document_is_accepted()
    {
        var json = Document(CompleteRuns);

        var result = BenchResultFile.Parse(json, "x.json");

        Assert.Single(result.Levels.Single().Runs.Single().Repetitions);
    }

    private static string ValidHistogram { get; } = HistogramCodec.Encode(new LongHistogram(3_600_000_000, 3));

    private static string CompleteRuns { get; } = $"[{{\"label\":\"A\",\"repetitions\":[{{\"histogram\":\"{ValidHistogram}\"}}]}}]";

    // System.Text.Json keeps the last of duplicate keys, so a field in top or level overrides the ones written here.
    private static string Document(string runs, string level = "", string top = "") =>
        $"{{\"schema\":\"warden-bench/1\",\"targets\":[{{\"label\":\"A\"}}],\"levels\":[{{\"load\":1,\"runs\":{runs}{Comma(level)}}}]{Comma(top)}}}";

    private static string Comma(string field) => field.Length == 0 ? string.Empty : "," + field;
}
