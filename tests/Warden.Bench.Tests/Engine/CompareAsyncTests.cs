using Warden.Bench.Engine;
using Warden.Bench.Statistics;

namespace Warden.Bench.Tests.Engine;

/// <summary><see cref="Bench.CompareAsync"/> end to end on a fake clock: two delegates, interleaved, with a verdict.</summary>
public sealed class CompareAsyncTests
{
    private static BenchOptions Options(TimeProvider time, IGeneratorProbe? probe = null) => new()
    {
        Load = LoadModel.Closed(1, 4),
        Duration = TimeSpan.FromSeconds(1),
        Warmup = TimeSpan.FromMilliseconds(100),
        Repetitions = 3,
        TimeProvider = time,
        GeneratorProbe = probe ?? FixedProbe.Idle,
    };

    private static Func<CancellationToken, ValueTask> Work(TimeProvider time, double milliseconds) =>
        ct => new ValueTask(FakeDelay.WaitAsync(time, TimeSpan.FromMilliseconds(milliseconds), ct));

    [Fact]
    public async Task Identical_delegates_are_the_Same_at_every_level()
    {
        var time = FakeClock.Create();

        var result = await FakeClock.DriveAsync(time, Bench.CompareAsync(Work(time, 10), Work(time, 10), Options(time), TestContext.Current.CancellationToken));

        Assert.All(result.Levels, level => Assert.Equal(Verdict.Same, level.Comparison!.Verdict));
        Assert.Equal([100.0, 400.0], result.Levels.Select(l => l.Runs[0].Throughput));
    }

    [Fact]
    public async Task A_delegate_that_takes_a_tenth_less_time_is_Faster()
    {
        var time = FakeClock.Create();

        var result = await FakeClock.DriveAsync(time, Bench.CompareAsync(Work(time, 10), Work(time, 9), Options(time), TestContext.Current.CancellationToken));

        var comparison = result.Levels[0].Comparison!;
        Assert.Equal(Verdict.Faster, comparison.Verdict);
        Assert.Equal(111.0 / 100.0, comparison.Throughput.Ratio, tolerance: 0.001);
        Assert.Equal(0.9, comparison.P99.Ratio, tolerance: 0.002);
        Assert.Equal("B gains 11% throughput and gains 10% p99", comparison.Sentence);
    }

    [Fact]
    public async Task A_generator_out_of_CPU_whose_work_waits_gives_no_verdict()
    {
        var time = FakeClock.Create();
        var saturated = new FixedProbe(new GeneratorSample(ProcessCpu: 0.99, MachineCpu: 1.0, PoolLagP99Milliseconds: 40, PoolLagMaxMilliseconds: 80));

        var result = await FakeClock.DriveAsync(time, Bench.CompareAsync(Work(time, 10), Work(time, 5), Options(time, saturated), TestContext.Current.CancellationToken));

        var level = result.Levels[0];
        Assert.True(level.Runs[0].GeneratorSaturated);
        Assert.Equal(Verdict.Inconclusive, level.Comparison!.Verdict);
        Assert.Contains("the generator was the bottleneck: process CPU 99%", level.Comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_machine_alone_does_not_mark_the_generator()
    {
        // Other tenants keep the machine at 100%, but the generator's own work never waits: measurements stand.
        var time = FakeClock.Create();
        var busyMachine = new FixedProbe(new GeneratorSample(ProcessCpu: 0.05, MachineCpu: 1.0, PoolLagP99Milliseconds: 0.5, PoolLagMaxMilliseconds: 2));

        var result = await FakeClock.DriveAsync(time, Bench.CompareAsync(Work(time, 10), Work(time, 5), Options(time, busyMachine), TestContext.Current.CancellationToken));

        Assert.False(result.Levels[0].Runs[0].GeneratorSaturated);
        Assert.Equal(Verdict.Faster, result.Levels[0].Comparison!.Verdict);
    }
}
