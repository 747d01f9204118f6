using System.Collections.Concurrent;

namespace Warden.Bench.Tests.Engine;

public sealed class ProgressTests
{
    [Fact]
    public async Task The_live_view_gets_the_current_rate_and_p99_every_half_second()
    {
        var time = FakeClock.Create();
        var snapshots = new Collector();
        var options = new BenchOptions
        {
            Load = LoadModel.Closed(2),
            Duration = TimeSpan.FromSeconds(2),
            Warmup = TimeSpan.FromSeconds(1),
            Repetitions = 1,
            TimeProvider = time,
            GeneratorProbe = FixedProbe.Idle,
            Progress = snapshots,
        };

        await FakeClock.DriveAsync(time, Bench.RunAsync([new FakeTarget("t", time, TimeSpan.FromMilliseconds(10))], options, cancellationToken: TestContext.Current.CancellationToken));

        var all = snapshots.Items.ToArray();
        Assert.Equal(6, all.Length); // at 0.5, 1.0, ..., 3.0 s of a 3 s repetition
        Assert.Equal(BenchStage.Warmup, all[0].Stage);
        // Warm-up answers count for the live rate: 2 users x 49 answers (10..490 ms; the 500 ms ones land after the tick).
        Assert.Equal(196, all[0].RequestsPerSecond, precision: 6);
        Assert.Null(all[0].P99Milliseconds); // but not for the measured p99
        var measuring = all.Where(s => s.Stage == BenchStage.Measure).ToArray();
        Assert.NotEmpty(measuring);
        Assert.All(measuring, s => Assert.Equal(10, s.P99Milliseconds!.Value, tolerance: 0.01));
        Assert.All(measuring, s => Assert.Equal(200, s.RequestsPerSecond, precision: 6));
        Assert.True(all.Select(s => s.Fraction).SequenceEqual(all.Select(s => s.Fraction).Order()));
    }

    private sealed class Collector : IProgress<BenchProgress>
    {
        public ConcurrentQueue<BenchProgress> Items { get; } = new();

        public void Report(BenchProgress value) => Items.Enqueue(value);
    }
}
