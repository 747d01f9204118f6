namespace Warden.Testing.Tests;

public sealed class AsyncTestTests
{
    private static readonly AsyncTestOptions QuickDeadlock = new() { ExternalWorkGrace = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public void An_hour_of_delays_takes_no_real_time()
    {
        var virtualElapsed = TimeSpan.Zero;

        AsyncTest.Run(async ctx =>
        {
            var start = ctx.Time.GetUtcNow();
            for (var i = 0; i < 3600; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ctx.Time, ctx.Token);
            }

            virtualElapsed = ctx.Time.GetUtcNow() - start;
        });

        // 3600 virtual seconds inside the 30 s real-time bound of the run: the clock jumped instead of waiting.
        Assert.Equal(TimeSpan.FromHours(1), virtualElapsed);
    }

    [Fact]
    public void Every_continuation_runs_on_the_loop_thread()
    {
        var threads = new HashSet<int>();

        AsyncTest.Run(async ctx =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.Yield();
            threads.Add(Environment.CurrentManagedThreadId);
            await Task.WhenAll(StepAsync(ctx, threads), StepAsync(ctx, threads));
            threads.Add(Environment.CurrentManagedThreadId);
        });

        Assert.Single(threads);
    }

    [Fact]
    public void Deadlock_fails_listing_what_is_waiting_instead_of_hanging()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(ctx => WaitForReplyAsync(new TaskCompletionSource<int>()), QuickDeadlock));

        Assert.StartsWith("Deadlock: the body is still waiting, but nothing on the loop can run, no timer is pending on ctx.Time", ex.Message, StringComparison.Ordinal);
        Assert.Contains("async Warden.Testing.Tests.AsyncTestTests.WaitForReplyAsync (suspended at await #1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a task nobody completed (a TaskCompletionSource", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Delay_on_the_real_clock_is_named_when_it_deadlocks_the_loop()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(_ => Task.Delay(TimeSpan.FromHours(1)), QuickDeadlock));

        Assert.Contains("Task.Delay on a clock the loop does not control (pass ctx.Time as the TimeProvider)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocking_wait_on_the_loop_thread_fails_instead_of_hanging()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AsyncTest.Run(
            ctx =>
            {
                var reply = Task.Delay(TimeSpan.FromSeconds(1), ctx.Time, ctx.Token);
#pragma warning disable WD205 // Deliberate: the test proves a blocking wait on the loop thread fails instead of hanging.
                reply.Wait(ctx.Token);
#pragma warning restore WD205
                return Task.CompletedTask;
            },
            QuickDeadlock));

        Assert.StartsWith("A synchronous wait (.Result, .Wait(), GetAwaiter().GetResult(), a lock or semaphore) blocked the deterministic loop's thread for 50 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timer_left_running_at_the_end_is_a_leak()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(ctx =>
        {
            StartPolling(ctx);
            return Task.CompletedTask;
        }));

        Assert.StartsWith("The body finished but left work behind", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a timer due at +5 s, created by Warden.Testing.Tests.AsyncTestTests.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_failure_is_rethrown_as_is()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AsyncTest.Run(async ctx =>
        {
            await Task.Delay(TimeSpan.FromMinutes(1), ctx.Time, ctx.Token);
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", ex.Message);
    }

    [Fact]
    public void Work_that_escapes_to_the_pool_still_comes_back()
    {
        var result = 0;

        // A generous grace: on a saturated CI machine the pool may take seconds to run the escaped work.
        AsyncTest.Run(async _ => result = await Task.Run(() => 6 * 7), new AsyncTestOptions { ExternalWorkGrace = TimeSpan.FromSeconds(20) });

        Assert.Equal(42, result);
    }

    [Fact]
    public void Plain_run_passes_the_file_race_because_the_writer_happens_to_go_first()
    {
        AsyncTest.Run(WriterThenReaderRaceAsync);
    }

    [Fact]
    public void Explore_finds_the_file_race_within_100_schedules_and_the_seed_replays_it()
    {
        var found = Assert.Throws<AsyncScheduleException>(() => AsyncTest.Explore(WriterThenReaderRaceAsync, schedules: 100, seed: 1234));

        Assert.InRange(found.Schedule, 1, 100);
        Assert.Contains($"(seed {found.Seed}); replay it with AsyncTest.Explore(body, schedules: 1, seed: {found.Seed})", found.Message, StringComparison.Ordinal);
        Assert.Contains("FileNotFoundException", found.Message, StringComparison.Ordinal);

        var replayed = Assert.Throws<AsyncScheduleException>(() => AsyncTest.Explore(WriterThenReaderRaceAsync, schedules: 1, seed: found.Seed));
        Assert.Equal(found.Seed, replayed.Seed);
        Assert.Equal(1, replayed.Schedule);
    }

    [Fact]
    public void Explore_finds_the_file_race_from_every_one_of_50_starting_seeds()
    {
        var schedulesNeeded = new List<int>();
        for (var start = 0; start < 5000; start += 100)
        {
            schedulesNeeded.Add(Assert.Throws<AsyncScheduleException>(() => AsyncTest.Explore(WriterThenReaderRaceAsync, schedules: 100, seed: start)).Schedule);
        }

        Assert.Equal(50, schedulesNeeded.Count);
        Assert.All(schedulesNeeded, n => Assert.InRange(n, 1, 100));
    }

    [Fact]
    public void Explore_passes_when_the_reader_awaits_the_writer()
    {
        AsyncTest.Explore(
            async ctx =>
            {
                var files = new Dictionary<string, string>();
                var write = WriteReportAsync(ctx, files);
                await write;
                Assert.Equal("totals", await ReadReportAsync(ctx, files));
            },
            schedules: 100);
    }

    [Fact]
    public void Same_seed_gives_the_same_order_and_seeds_differ()
    {
        static List<int> OrderUnder(int seed)
        {
            var order = new List<int>();
            AsyncTest.Explore(
                async ctx =>
                {
                    order.Clear();
                    await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
                    {
                        await Task.Yield();
                        order.Add(i);
                    }));
                },
                schedules: 1,
                seed: seed);
            return order;
        }

        Assert.Equal(OrderUnder(7), OrderUnder(7));
        Assert.True(Enumerable.Range(0, 20).Select(OrderUnder).Select(o => string.Join(",", o)).Distinct().Count() > 1);
    }

    // The playbook's chapter 3 race: task A writes a temp file, task B reads it, and nothing orders them.
    private static async Task WriterThenReaderRaceAsync(AsyncTestContext ctx)
    {
        var files = new Dictionary<string, string>();
        var writer = WriteReportAsync(ctx, files);
        var reader = ReadReportAsync(ctx, files);
        await Task.WhenAll(writer, reader);
        Assert.Equal("totals", await reader);
    }

    private static async Task WriteReportAsync(AsyncTestContext ctx, Dictionary<string, string> files)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(10), ctx.Time, ctx.Token);
        files["report.tmp"] = "totals";
    }

    private static async Task<string> ReadReportAsync(AsyncTestContext ctx, Dictionary<string, string> files)
    {
        // "The writer needs about 10 ms": the timing assumption behind the incident.
        await Task.Delay(TimeSpan.FromMilliseconds(10), ctx.Time, ctx.Token);
        return files.TryGetValue("report.tmp", out var text) ? text : throw new FileNotFoundException("report.tmp was read before it was written.");
    }

    private static async Task<int> WaitForReplyAsync(TaskCompletionSource<int> reply) => await reply.Task;

#pragma warning disable WD301 // Deliberate: the test leaves a timer behind to prove the leak check finds it.
    private static void StartPolling(AsyncTestContext ctx) => _ = Task.Delay(TimeSpan.FromSeconds(5), ctx.Time, CancellationToken.None);
#pragma warning restore WD301

    private static async Task StepAsync(AsyncTestContext ctx, HashSet<int> threads)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), ctx.Time, ctx.Token);
        threads.Add(Environment.CurrentManagedThreadId);
    }
}
