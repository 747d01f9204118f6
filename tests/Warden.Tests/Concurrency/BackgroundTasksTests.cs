using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class BackgroundTasksTests
{
    [Fact]
    public async Task Started_work_runs_and_drain_waits_for_it()
    {
        await using var owner = new BackgroundTasks();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = 0;

        Assert.True(owner.TryStart("audit", async ct =>
        {
            await release.Task.WaitAsync(ct);
            Interlocked.Increment(ref finished);
        }));
        Assert.Equal(1, owner.Count);

        var drain = owner.DrainAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(drain.IsCompleted);
        release.SetResult();
        await drain.WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(1, finished);
        Assert.Equal(0, owner.Count);
        Assert.Equal(0, owner.FaultCount);
    }

    [Fact]
    public async Task Every_fault_surfaces_as_event_log_and_counter_with_name_and_start_site()
    {
        var owner_name = $"faults-{Guid.NewGuid():N}";
        using var faults = new InstrumentRecorder("warden.background_tasks.faults", "warden.owner");
        var logger = new RecordingLogger<BackgroundTasks>();
        await using var owner = new BackgroundTasks(new BackgroundTasksOptions { Name = owner_name }, logger);
        var raised = new List<BackgroundTaskFaultedEventArgs>();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        owner.Faulted += (_, e) =>
        {
            lock (raised)
            {
                raised.Add(e);
            }

            seen.TrySetResult();
        };

        var boom = new InvalidOperationException("analytics down");
        Assert.True(owner.TryStart("track-checkout", _ => throw boom));
        await seen.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        await owner.DrainAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        var e = Assert.Single(raised);
        Assert.Same(boom, e.Exception);
        Assert.Equal("track-checkout", e.Name);
        Assert.Contains(nameof(Every_fault_surfaces_as_event_log_and_counter_with_name_and_start_site), e.StartSite, StringComparison.Ordinal);
        Assert.Contains("BackgroundTasksTests.cs:", e.StartSite, StringComparison.Ordinal);
        Assert.Equal(1, owner.FaultCount);
        Assert.Equal(1, faults.Sum(owner_name));
        var log = Assert.Single(logger.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Same(boom, log.Exception);
        Assert.Contains("track-checkout", log.Message, StringComparison.Ordinal);
        Assert.Contains(e.StartSite, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_inside_the_work_is_a_fault_not_a_benign_cancellation()
    {
        await using var owner = new BackgroundTasks();
        var seen = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        owner.Faulted += (_, e) => seen.TrySetResult(e.Exception);
        using var unrelated = new CancellationTokenSource();
        await unrelated.CancelAsync();

        Assert.True(owner.TryStart("call-downstream", _ => throw new TaskCanceledException("HttpClient timeout", new TimeoutException(), unrelated.Token)));

        var fault = await seen.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.IsType<TaskCanceledException>(fault);
    }

    [Fact]
    public async Task A_throwing_fault_handler_is_logged_and_does_not_hide_the_next_handler()
    {
        var logger = new RecordingLogger<BackgroundTasks>();
        await using var owner = new BackgroundTasks(logger: logger);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        owner.Faulted += (_, _) => throw new InvalidOperationException("handler bug");
        owner.Faulted += (_, _) => second.TrySetResult();

        Assert.True(owner.TryStart("job", _ => Task.FromException(new FormatException())));

        await second.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        await owner.DrainAsync(TimeSpan.Zero, TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.Contains(logger.Entries, entry => entry.Exception is InvalidOperationException { Message: "handler bug" });
    }

    [Fact]
    public async Task TryStart_returns_false_once_draining_and_never_runs_the_work()
    {
        var owner = new BackgroundTasks();
        await owner.DrainAsync(TimeSpan.Zero, TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        var ran = false;

        Assert.True(owner.IsDraining);
        Assert.False(owner.TryStart("late", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }));

        await owner.DisposeAsync();
        Assert.False(ran);
    }

    [Fact]
    public async Task Drain_cancels_what_is_left_after_the_grace_and_that_cancellation_is_not_a_fault()
    {
        var time = new FakeTimeProvider();
        await using var owner = new BackgroundTasks(new BackgroundTasksOptions { TimeProvider = time });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observedCancel = false;
        Assert.True(owner.TryStart("poll", async ct =>
        {
            started.SetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                observedCancel = true;
                throw;
            }
        }));
        await started.Task.WithinAsync(ct: TestContext.Current.CancellationToken);

        var drain = owner.DrainAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(drain.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await drain.WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.True(observedCancel);
        Assert.Equal(0, owner.FaultCount);
        Assert.Equal(0, owner.Count);
    }

    [Fact]
    public async Task The_cap_rejects_work_when_full_in_reject_mode()
    {
        var name = $"cap-{Guid.NewGuid():N}";
        using var rejected = new InstrumentRecorder("warden.background_tasks.rejected", "warden.owner");
        await using var owner = new BackgroundTasks(new BackgroundTasksOptions { Name = name, MaxRunning = 2 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.True(owner.TryStart("a", _ => release.Task));
        Assert.True(owner.TryStart("b", _ => release.Task));
        Assert.False(owner.TryStart("c", _ => release.Task));
        Assert.Equal(2, owner.Count);
        Assert.Equal(1, rejected.Sum(name));

        release.SetResult();
        await owner.DrainAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Queue_mode_starts_queued_work_when_a_slot_frees_and_never_exceeds_the_cap()
    {
        await using var owner = new BackgroundTasks(new BackgroundTasksOptions { MaxRunning = 2, WhenFull = BackgroundTasksFullMode.Queue, MaxQueued = 3 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var peak = 0;
        var done = 0;
        async Task Work(CancellationToken ct)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await release.Task.WaitAsync(ct);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref done);
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.True(owner.TryStart($"job-{i}", Work));
        }

        Assert.False(owner.TryStart("overflow", Work));
        Assert.Equal(5, owner.Count);
        release.SetResult();
        await owner.DrainAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(5, done);
        Assert.True(peak <= 2, $"peak {peak} exceeded the cap");
    }

    [Fact]
    public async Task Queued_work_that_never_started_is_dropped_and_logged_when_the_grace_runs_out()
    {
        var time = new FakeTimeProvider();
        var logger = new RecordingLogger<BackgroundTasks>();
        await using var owner = new BackgroundTasks(new BackgroundTasksOptions { MaxRunning = 1, WhenFull = BackgroundTasksFullMode.Queue, TimeProvider = time }, logger);
        var queuedRan = false;
        Assert.True(owner.TryStart("blocker", ct => Task.Delay(Timeout.InfiniteTimeSpan, ct)));
        Assert.True(owner.TryStart("queued", _ =>
        {
            queuedRan = true;
            return Task.CompletedTask;
        }));

        var drain = owner.DrainAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(1));
        await drain.WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.False(queuedRan);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("'queued'", StringComparison.Ordinal));
        Assert.Equal(0, owner.FaultCount);
    }

    [Fact]
    public void Invalid_options_say_which_option_is_wrong()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new BackgroundTasks(new BackgroundTasksOptions { MaxRunning = 0 }));
        Assert.Equal("MaxRunning", ex.ParamName);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
