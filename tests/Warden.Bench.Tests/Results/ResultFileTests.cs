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
}
