using Warden.Bench.Engine;

namespace Warden.Bench.Tests.Engine;

public sealed class OpenModelTests
{
    private static BenchOptions Options(TimeProvider time, double rate, int maxInFlight = 10_000) => new()
    {
        Load = LoadModel.Open(rate),
        Duration = TimeSpan.FromSeconds(1),
        Warmup = TimeSpan.Zero,
        Repetitions = 1,
        MaxInFlight = maxInFlight,
        TimeProvider = time,
        GeneratorProbe = FixedProbe.Idle,
    };

    [Fact]
    public async Task Sends_exactly_on_schedule_whatever_the_latency()
    {
        var time = FakeClock.Create();
        var target = new FakeTarget("t", time, TimeSpan.FromMilliseconds(35));

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([target], Options(time, rate: 100), cancellationToken: TestContext.Current.CancellationToken));

        var repetition = result.Levels.Single().Runs.Single().Repetitions.Single();
        Assert.Equal(100, target.Calls);
        Assert.Equal(100, repetition.Requests);
        Assert.Equal(35, repetition.Latency.P99, tolerance: 0.05);
        Assert.Equal(1.0, repetition.Generator.SendRatio);
        Assert.False(repetition.Generator.Saturated);
        Assert.Equal("req/s", result.Levels.Single().Unit);
    }

    [Fact]
    public async Task A_stall_shows_in_every_request_scheduled_during_it_not_just_one()
    {
        // The target stalls for the first 200 ms (every answer waits until t = 200 ms), then answers in 1 ms.
        var time = FakeClock.Create();
        var start = time.GetUtcNow();
        TimeSpan Latency(long call, DateTimeOffset now) => now - start < TimeSpan.FromMilliseconds(200) ? start.AddMilliseconds(200) - now : TimeSpan.FromMilliseconds(1);
        var open = await FakeClock.DriveAsync(time, Bench.RunAsync([new FakeTarget("t", time, Latency)], Options(time, rate: 100), cancellationToken: TestContext.Current.CancellationToken));

        var closedTime = FakeClock.Create();
        var closedStart = closedTime.GetUtcNow();
        TimeSpan ClosedLatency(long call, DateTimeOffset now) => now - closedStart < TimeSpan.FromMilliseconds(200) ? closedStart.AddMilliseconds(200) - now : TimeSpan.FromMilliseconds(1);
        var closedOptions = Options(closedTime, rate: 1) with { Load = LoadModel.Closed(1) };
        var closed = await FakeClock.DriveAsync(closedTime, Bench.RunAsync([new FakeTarget("t", closedTime, ClosedLatency)], closedOptions, cancellationToken: TestContext.Current.CancellationToken));

        // Open: sends at 0, 10, ..., 190 ms all answer at 200 ms: 20 of 100 latencies are 10..200 ms, so p90 is 100 ms.
        var openLatency = open.Levels.Single().Runs.Single().Repetitions.Single().Latency;
        Assert.Equal(100, openLatency.Count);
        Assert.Equal(200, openLatency.Max, tolerance: 0.2);
        Assert.Equal(100, openLatency.P90, tolerance: 0.1);

        // Closed: one user sees one slow answer, then 800 fast ones: the stall hides below p99 (coordinated omission).
        var closedLatency = closed.Levels.Single().Runs.Single().Repetitions.Single().Latency;
        Assert.Equal(801, closedLatency.Count);
        Assert.Equal(1, closedLatency.P99, tolerance: 0.01);
        Assert.Equal(200, closedLatency.Max, tolerance: 0.2);
    }

    [Fact]
    public async Task Sends_beyond_the_in_flight_limit_are_dropped_and_mark_the_generator_saturated()
    {
        var time = FakeClock.Create();
        var target = new FakeTarget("t", time, TimeSpan.FromMilliseconds(100));

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([target], Options(time, rate: 1000, maxInFlight: 10), cancellationToken: TestContext.Current.CancellationToken));

        var repetition = result.Levels.Single().Runs.Single().Repetitions.Single();
        Assert.Equal(1000 - 100, repetition.Dropped);
        Assert.Equal(100, repetition.Requests);
        Assert.True(repetition.Generator.Saturated);
        Assert.Contains("dropped", repetition.Generator.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_no_generator_can_schedule_is_refused_before_the_run()
    {
        var options = new BenchOptions { Load = LoadModel.Open(OpenLoadLimit.MaxRatePerSecond * 2) };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("beyond what this generator can schedule", error.Message, StringComparison.Ordinal);
    }
}
