using Warden.Bench.Engine;
using Warden.Bench.Results;

namespace Warden.Bench.Tests.Engine;

public sealed class ClosedModelTests
{
    private static BenchOptions Options(TimeProvider time, int users, TimeSpan? warmup = null, TimeSpan? timeout = null, int repetitions = 1) => new()
    {
        Load = LoadModel.Closed(users),
        Duration = TimeSpan.FromSeconds(1),
        Warmup = warmup ?? TimeSpan.Zero,
        Repetitions = repetitions,
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
        TimeProvider = time,
        GeneratorProbe = FixedProbe.Idle,
    };

    [Fact]
    public async Task Two_users_at_10ms_make_exactly_200_requests_in_one_second()
    {
        var time = FakeClock.Create();
        var target = new FakeTarget("t", time, TimeSpan.FromMilliseconds(10));

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([target], Options(time, users: 2), cancellationToken: TestContext.Current.CancellationToken));

        var repetition = result.Levels.Single().Runs.Single().Repetitions.Single();
        Assert.Equal(200, repetition.Requests);
        Assert.Equal(200, repetition.Throughput, precision: 6);
        Assert.Equal(200, repetition.Latency.Count);
        Assert.Equal(10, repetition.Latency.P50, tolerance: 0.01);
        Assert.Equal(10, repetition.Latency.P99, tolerance: 0.01);
        Assert.Equal(10, repetition.Latency.Max, tolerance: 0.01);
        Assert.Empty(repetition.Errors);
        Assert.Equal(LoadModelKind.Closed, result.Model);
    }

    [Fact]
    public async Task Warmup_requests_are_not_measured()
    {
        var time = FakeClock.Create();
        var target = new FakeTarget("t", time, TimeSpan.FromMilliseconds(10));

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([target], Options(time, users: 1, warmup: TimeSpan.FromMilliseconds(300)), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(130, target.Calls);
        Assert.Equal(100, result.Levels.Single().Runs.Single().Repetitions.Single().Requests);
    }

    [Fact]
    public async Task Percentiles_come_from_the_histogram_of_a_known_distribution()
    {
        // Call n takes n ms for n = 1..100, then 1000 ms: with one user the measured window holds exactly
        // latencies 1..100 ms (sum 5050 ms) and the start of the slow one.
        var time = FakeClock.Create();
        var target = new FakeTarget("t", time, (call, _) => TimeSpan.FromMilliseconds(call <= 100 ? call : 1000));
        var options = Options(time, users: 1) with { Duration = TimeSpan.FromMilliseconds(5051) };

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([target], options, cancellationToken: TestContext.Current.CancellationToken));

        var latency = result.Levels.Single().Runs.Single().Repetitions.Single().Latency;
        Assert.Equal(101, latency.Count);
        Assert.Equal(51, latency.P50, tolerance: 0.1);
        Assert.Equal(100, latency.P99, tolerance: 0.1);
        Assert.Equal(1000, latency.Max, tolerance: 1);
    }

    [Fact]
    public async Task Failures_are_counted_by_kind_and_never_recorded_as_latency()
    {
        var time = FakeClock.Create();
        var target = new FakeTarget("t", time, (_, _) => TimeSpan.FromMilliseconds(10), call => call % 10 == 0 ? "http-503" : null);

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([target], Options(time, users: 1), cancellationToken: TestContext.Current.CancellationToken));

        var repetition = result.Levels.Single().Runs.Single().Repetitions.Single();
        Assert.Equal(10, repetition.Errors["http-503"]);
        Assert.Equal(90, repetition.Requests);
        Assert.Equal(90, repetition.Latency.Count);
        Assert.Equal(90, repetition.Throughput, precision: 6);
    }

    [Fact]
    public async Task A_request_slower_than_the_timeout_is_a_timeout_not_a_latency()
    {
        var time = FakeClock.Create();
        var target = new FakeTarget("t", time, TimeSpan.FromMilliseconds(50));

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([target], Options(time, users: 2, timeout: TimeSpan.FromMilliseconds(20)), cancellationToken: TestContext.Current.CancellationToken));

        var repetition = result.Levels.Single().Runs.Single().Repetitions.Single();
        Assert.Equal(100, repetition.Errors[ErrorKinds.Timeout]);
        Assert.Equal(0, repetition.Requests);
        Assert.Equal(0, repetition.Latency.Count);
    }

    [Fact]
    public async Task Requests_that_outlive_their_timeout_are_abandoned_counted_and_void_the_repetition()
    {
        // A target that ignores its token: the timeout cannot stop it, so the repetition gives up after its bound.
        var time = FakeClock.Create();
        var options = Options(time, users: 3, timeout: TimeSpan.FromMilliseconds(100));

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([new DelegateTarget("deaf", _ => new ValueTask(FakeDelay.WaitAsync(time, TimeSpan.FromHours(1), CancellationToken.None)))], options, cancellationToken: TestContext.Current.CancellationToken));

        var repetition = result.Levels.Single().Runs.Single().Repetitions.Single();
        Assert.Equal(3, repetition.Errors[ErrorKinds.Abandoned]);
        Assert.Equal(0, repetition.Latency.Count);
        Assert.True(repetition.Generator.Saturated);
        Assert.Contains("still running long after their timeout", repetition.Generator.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exceptions_from_the_target_are_failures_named_by_type()
    {
        var time = FakeClock.Create();
        var calls = 0;
        var options = Options(time, users: 1) with { Load = LoadModel.Closed(1) };

        var result = await FakeClock.DriveAsync(
            time,
            Bench.CompareAsync(
                async ct => await FakeDelay.WaitAsync(time, TimeSpan.FromMilliseconds(10), ct),
                async ct =>
                {
                    await FakeDelay.WaitAsync(time, TimeSpan.FromMilliseconds(10), ct);
                    if (++calls % 2 == 0)
                    {
                        throw new InvalidOperationException("boom");
                    }
                },
                options,
                TestContext.Current.CancellationToken));

        var b = result.Levels.Single().Runs[1];
        Assert.Equal(50, b.Errors[nameof(InvalidOperationException)]);
        Assert.Equal(50, b.Repetitions.Single().Requests);
    }

    [Fact]
    public async Task A_and_B_run_interleaved_in_ABBA_order()
    {
        var time = FakeClock.Create();
        var a = new FakeTarget("a", time, TimeSpan.FromMilliseconds(10));
        var b = new FakeTarget("b", time, TimeSpan.FromMilliseconds(10));

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([a, b], Options(time, users: 1, repetitions: 4), cancellationToken: TestContext.Current.CancellationToken));

        var runs = result.Levels.Single().Runs;
        Assert.Equal([1, 4, 5, 8], runs[0].Repetitions.Select(r => r.Order));
        Assert.Equal([2, 3, 6, 7], runs[1].Repetitions.Select(r => r.Order));
    }

    [Fact]
    public async Task Each_repetition_histogram_is_stored_and_merges_exactly()
    {
        var time = FakeClock.Create();
        var target = new FakeTarget("t", time, (call, _) => TimeSpan.FromMilliseconds(call % 2 == 0 ? 10 : 20));

        var result = await FakeClock.DriveAsync(time, Bench.RunAsync([target], Options(time, users: 1, repetitions: 3), cancellationToken: TestContext.Current.CancellationToken));

        var run = result.Levels.Single().Runs.Single();
        var decoded = run.Repetitions.Select(r => HistogramCodec.Decode(r.Histogram)).ToArray();
        Assert.All(run.Repetitions.Zip(decoded), pair => Assert.Equal(pair.First.Requests, pair.Second.TotalCount));
        Assert.Equal(run.Repetitions.Sum(r => r.Requests), run.Latency.Count);
    }
}
