using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Warden.Diagnostics;

namespace Warden.Tests.Shutdown;

[Collection(LeakAuditedGroup.Name)]
public sealed class ShutdownCoordinatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Runs_the_five_steps_in_order_and_closes_resources_in_reverse()
    {
        await using var h = new ShutdownHarness();
        var events = new ConcurrentQueue<string>();
        var c = h.Coordinator;
        c.Stopping.Register(() => events.Enqueue("stopping"));
        c.Cancelling.Register(() => events.Enqueue("cancelling"));
        c.OnStopAccepting("listener", _ =>
        {
            events.Enqueue("stop accepting");
            return Task.CompletedTask;
        });
        c.RegisterForClose(new RecordingResource("pool", events), "pool");
        c.RegisterForClose(new RecordingResource("client", events), "client");
        c.RegisterForClose(new RecordingResource("exporter", events), "exporter");

        var report = await c.RunAsync("test", Ct).WithinAsync(ct: Ct);

        Assert.Equal(["stopping", "stop accepting", "cancelling", "close exporter", "close client", "close pool"], events);
        Assert.Equal([ShutdownStep.TrapSignal, ShutdownStep.StopAccepting, ShutdownStep.GracePeriod, ShutdownStep.CancelRemaining, ShutdownStep.CloseResources], report.Steps.Select(s => s.Step));
        Assert.All(report.Steps, s => Assert.True(s.Completed, s.Outcome));
        Assert.Equal(["exporter", "client", "pool"], report.Closed);
        Assert.True(report.IsClean);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal("test", report.Reason);
    }

    [Fact]
    public async Task Every_step_logs_its_start_and_outcome_and_the_report_is_logged()
    {
        await using var h = new ShutdownHarness();

        await h.Coordinator.RunAsync("deploy", Ct).WithinAsync(ct: Ct);

        var messages = h.Messages.ToList();
        foreach (var step in new[] { ShutdownStep.StopAccepting, ShutdownStep.GracePeriod, ShutdownStep.CancelRemaining, ShutdownStep.CloseResources })
        {
            Assert.Contains($"Shutdown step {(int)step}/5 ({step}) started.", messages);
            Assert.Contains(messages, m => m.StartsWith($"Shutdown step {(int)step}/5 ({step}) completed in ", StringComparison.Ordinal));
        }

        Assert.Contains(messages, m => m.StartsWith("Shutdown step 1/5 (TrapSignal) completed in 0 ms: requested by the application: deploy", StringComparison.Ordinal));
        Assert.Contains("Shutdown report: reason deploy, exit code 0, took 0 ms; drained 0; cancelled 0; closed 0; not finished in time 0", messages);
    }

    [Fact]
    public async Task Work_that_finishes_during_the_grace_period_is_drained_and_never_cancelled()
    {
        await using var h = new ShutdownHarness();
        var work = h.Coordinator.TrackWork("GET /slow");

        var run = h.Coordinator.RunAsync("test", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.Zero);
        await h.AdvanceWhenArmedAsync(ShutdownStep.GracePeriod, TimeSpan.FromSeconds(4));
        Assert.False(h.Coordinator.Cancelling.IsCancellationRequested);
        work.Dispose();
        var report = await run.WithinAsync(ct: Ct);

        Assert.True(h.Coordinator.Stopping.IsCancellationRequested);
        Assert.Equal(["GET /slow"], report.Drained);
        Assert.Empty(report.Cancelled);
        Assert.Equal("all 1 in-flight item(s) finished on their own", report.Steps[2].Outcome);
        Assert.Equal(TimeSpan.FromSeconds(4), report.Steps[2].Duration);
    }

    [Fact]
    public async Task Work_left_after_the_grace_period_is_cancelled_and_reported()
    {
        await using var h = new ShutdownHarness();
        var c = h.Coordinator;
        var work = c.TrackWork("import batch");
        using var registration = c.Cancelling.Register(work.Dispose);

        var run = c.RunAsync("test", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.Zero);
        await h.AdvanceWhenArmedAsync(ShutdownStep.GracePeriod, TimeSpan.FromSeconds(10));
        var report = await run.WithinAsync(ct: Ct);

        Assert.False(report.Steps[2].Completed);
        Assert.Equal("1 of 1 still running after 10 s: import batch", report.Steps[2].Outcome);
        Assert.Equal(["import batch"], report.Cancelled);
        Assert.True(report.Steps[3].Completed);
        Assert.True(report.IsClean);
    }

    [Fact]
    public async Task Work_that_ignores_cancellation_cannot_hold_the_shutdown_and_is_named()
    {
        await using var h = new ShutdownHarness();
        using var stuck = h.Coordinator.TrackWork("GET /incidents/stuck");
        h.Coordinator.RegisterForClose(new RecordingResource("pool", new ConcurrentQueue<string>()), "pool");

        var run = h.Coordinator.RunAsync("test", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.Zero);
        await h.AdvanceWhenArmedAsync(ShutdownStep.GracePeriod, TimeSpan.FromSeconds(10));
        await h.AdvanceWhenArmedAsync(ShutdownStep.CancelRemaining, TimeSpan.FromSeconds(5));
        var report = await run.WithinAsync(ct: Ct);

        Assert.Equal("cancelled 1; 1 did not stop within 5 s: GET /incidents/stuck", report.Steps[3].Outcome);
        Assert.Equal(["GET /incidents/stuck"], report.NotFinished);
        Assert.Equal(["pool"], report.Closed);
        Assert.False(report.IsClean);
        Assert.Contains(h.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("not finished in time 1 [GET /incidents/stuck]", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(15), report.Duration);
    }

    [Fact]
    public async Task A_resource_that_does_not_close_in_time_uses_up_the_close_timeout_and_is_reported()
    {
        await using var h = new ShutdownHarness();
        var events = new ConcurrentQueue<string>();
        h.Coordinator.RegisterForClose(new RecordingResource("pool", events), "pool");
        h.Coordinator.RegisterForClose(new RecordingResource("broker", events, hang: true), "broker");
        h.Coordinator.RegisterForClose(new RecordingResource("exporter", events), "exporter");

        var run = h.Coordinator.RunAsync("test", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.Zero);
        await h.AdvanceWhenArmedAsync(ShutdownStep.CloseResources, TimeSpan.Zero);
        await h.AdvanceWhenArmedAsync(ShutdownStep.CloseResources, TimeSpan.FromSeconds(3));
        var report = await run.WithinAsync(ct: Ct);

        Assert.Equal(["exporter"], report.Closed);
        Assert.Equal(["broker (close timed out)", "pool (not closed: the close timeout was used up)"], report.NotFinished);
        Assert.False(report.Steps[4].Completed);
    }

    [Fact]
    public async Task A_failing_stop_callback_or_resource_is_logged_and_the_rest_still_run()
    {
        await using var h = new ShutdownHarness();
        var events = new ConcurrentQueue<string>();
        h.Coordinator.OnStopAccepting("broken", _ => throw new InvalidOperationException("boom"));
        h.Coordinator.OnStopAccepting("listener", _ =>
        {
            events.Enqueue("listener stopped");
            return Task.CompletedTask;
        });
        h.Coordinator.RegisterForClose(new RecordingResource("pool", events), "pool");
        h.Coordinator.RegisterForClose(new FailingResource(), "broken pool");

        var report = await h.Coordinator.RunAsync("test", Ct).WithinAsync(ct: Ct);

        Assert.Equal(["listener stopped", "close pool"], events);
        Assert.False(report.Steps[1].Completed);
        Assert.Equal(["broken pool (close failed: InvalidOperationException)"], report.NotFinished);
        Assert.Equal(2, h.Logger.Entries.Count(e => e.Level == LogLevel.Error));
    }

    [Fact]
    public async Task A_stop_callback_that_overruns_is_bounded_and_named()
    {
        await using var h = new ShutdownHarness();
        h.Coordinator.OnStopAccepting("queue consumer", ct => Task.Delay(Timeout.Infinite, CancellationToken.None));

        var run = h.Coordinator.RunAsync("test", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.FromSeconds(2));
        var report = await run.WithinAsync(ct: Ct);

        Assert.False(report.Steps[1].Completed);
        Assert.Contains("others timed out after 2 s", report.Steps[1].Outcome, StringComparison.Ordinal);
        Assert.Equal(["queue consumer (stop accepting timed out)"], report.NotFinished);
    }

    [Fact]
    public async Task The_drain_delay_keeps_serving_after_Stopping_fires()
    {
        await using var h = new ShutdownHarness(new ShutdownOptions { DrainDelay = TimeSpan.FromSeconds(5), GracePeriod = TimeSpan.FromSeconds(10) });
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Coordinator.OnStopAccepting("listener", _ =>
        {
            stopped.TrySetResult();
            return Task.CompletedTask;
        });

        var run = h.Coordinator.RunAsync("test", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.FromSeconds(4));
        Assert.True(h.Coordinator.Stopping.IsCancellationRequested);
        Assert.False(stopped.Task.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await stopped.Task.WithinAsync(ct: Ct);
        var report = await run.WithinAsync(ct: Ct);

        Assert.Equal(TimeSpan.FromSeconds(5), report.Steps[1].Duration);
    }

    [Fact]
    public async Task BackgroundTasks_are_drained_through_RegisterDrain()
    {
        await using var h = new ShutdownHarness();
        await using var tasks = new BackgroundTasks(new BackgroundTasksOptions { TimeProvider = h.Time });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.True(tasks.TryStart("send receipt", async _ =>
        {
            started.TrySetResult();
            await release.Task;
        }));
        await started.Task.WithinAsync(ct: Ct);
        h.Coordinator.RegisterDrain("background tasks", tasks.DrainAsync);

        var run = h.Coordinator.RunAsync("test", Ct);
        await Eventually.UntilAsync(() => tasks.IsDraining, Bounded.DefaultBound, "step 3 should start draining the background tasks", Ct);
        Assert.False(tasks.TryStart("too late", _ => Task.CompletedTask));
        release.TrySetResult();
        var report = await run.WithinAsync(ct: Ct);

        Assert.Equal(["drain: background tasks"], report.Drained);
        Assert.Equal(0, tasks.Count);
    }

    [Fact]
    public async Task A_background_task_that_ignores_cancellation_is_reported_not_waited_for()
    {
        await using var h = new ShutdownHarness();
        var tasks = new BackgroundTasks(new BackgroundTasksOptions { TimeProvider = h.Time });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        Assert.True(tasks.TryStart("stuck upload", async _ =>
        {
            started.TrySetResult();
            await never.Task;
        }));
        await started.Task.WithinAsync(ct: Ct);
        h.Coordinator.RegisterDrain("background tasks", tasks.DrainAsync);

        var run = h.Coordinator.RunAsync("test", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.Zero);
        await h.AdvanceWhenArmedAsync(ShutdownStep.GracePeriod, TimeSpan.FromSeconds(10));
        await h.AdvanceWhenArmedAsync(ShutdownStep.CancelRemaining, TimeSpan.FromSeconds(5));
        var report = await run.WithinAsync(ct: Ct);

        Assert.Equal(["drain: background tasks"], report.NotFinished);
        Assert.Empty(report.Cancelled);
        never.SetResult();
        await tasks.DrainAsync(TimeSpan.Zero, Ct).WithinAsync(ct: Ct);
    }

    [Fact]
    public async Task A_signal_sets_the_reason_and_exit_code()
    {
        await using var h = new ShutdownHarness();

        var run = h.Coordinator.WaitAndRunAsync(Ct);
        Assert.True(h.Coordinator.ReceiveSignal(PosixSignal.SIGTERM));
        Assert.False(h.Coordinator.ReceiveSignal(PosixSignal.SIGINT));
        var report = await run.WithinAsync(ct: Ct);

        Assert.Equal("SIGTERM", report.Reason);
        Assert.Equal(PosixSignal.SIGTERM, report.Signal);
        Assert.Equal(143, report.ExitCode);
        Assert.Equal("SIGTERM trapped; the handler only recorded it", report.Steps[0].Outcome);
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT, 130)]
    [InlineData(PosixSignal.SIGQUIT, 131)]
    public async Task Each_signal_has_its_conventional_exit_code(PosixSignal signal, int exitCode)
    {
        await using var h = new ShutdownHarness();

        h.Coordinator.ReceiveSignal(signal);
        var report = await h.Coordinator.RunAsync("ignored: the signal names the reason", Ct).WithinAsync(ct: Ct);

        Assert.Equal(exitCode, report.ExitCode);
        Assert.Equal(signal.ToString(), report.Reason);
    }

    [Fact]
    public async Task After_a_signal_the_process_exits_when_the_budget_is_exhausted()
    {
        await using var h = new ShutdownHarness();
        h.Coordinator.RegisterForClose(new RecordingResource("hung pool", new ConcurrentQueue<string>(), hang: true), "hung pool");
        using var stuck = h.Coordinator.TrackWork("stuck handler");

        h.Coordinator.ReceiveSignal(PosixSignal.SIGTERM);
        var run = h.Coordinator.RunAsync("test", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.Zero);
        await h.AdvanceWhenArmedAsync(ShutdownStep.GracePeriod, TimeSpan.FromSeconds(10));
        await h.AdvanceWhenArmedAsync(ShutdownStep.CancelRemaining, TimeSpan.FromSeconds(5));
        await h.AdvanceWhenArmedAsync(ShutdownStep.CloseResources, TimeSpan.FromSeconds(3));
        await run.WithinAsync(ct: Ct);
        Assert.Empty(h.ExitCodes);

        // Budget 30 s, margin 2 s: the watchdog fires 29 s after the signal; 18 s have passed.
        h.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(h.ExitCodes);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([143], h.ExitCodes);
        Assert.Contains(h.Logger.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("Still running: stuck handler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signal_during_an_application_shutdown_arms_the_watchdog_from_its_arrival()
    {
        await using var h = new ShutdownHarness();
        using var stuck = h.Coordinator.TrackWork("stuck handler");
        var run = h.Coordinator.RunAsync("deploy", Ct);
        await h.AdvanceWhenArmedAsync(ShutdownStep.StopAccepting, TimeSpan.Zero);
        await h.AdvanceWhenArmedAsync(ShutdownStep.GracePeriod, TimeSpan.FromSeconds(4));

        h.Coordinator.ReceiveSignal(PosixSignal.SIGTERM);
        h.Time.Advance(TimeSpan.FromSeconds(28));
        Assert.Empty(h.ExitCodes);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([143], h.ExitCodes);
        await h.AdvanceWhenArmedAsync(ShutdownStep.CancelRemaining, TimeSpan.FromSeconds(5));
        var report = await run.WithinAsync(ct: Ct);
        Assert.Equal(143, report.ExitCode);
    }

    [Fact]
    public async Task Without_a_signal_the_watchdog_is_not_armed()
    {
        await using var h = new ShutdownHarness();

        await h.Coordinator.RunAsync("test", Ct).WithinAsync(ct: Ct);
        h.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(h.ExitCodes);
    }

    [Fact]
    public async Task RunAsync_twice_returns_one_report_and_registrations_after_start_are_refused()
    {
        await using var h = new ShutdownHarness();

        var first = await h.Coordinator.RunAsync("first", Ct).WithinAsync(ct: Ct);
        var second = await h.Coordinator.RunAsync("second", Ct).WithinAsync(ct: Ct);

        Assert.Same(first, second);
        Assert.True(h.Coordinator.IsShuttingDown);
        var ex = Assert.Throws<InvalidOperationException>(() => h.Coordinator.RegisterForClose(new RecordingResource("x", new()), "x"));
        Assert.Contains("register shutdown callbacks and resources during start-up", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAndCancelAsync_stops_before_step_5_and_RunAsync_finishes()
    {
        await using var h = new ShutdownHarness();
        var events = new ConcurrentQueue<string>();
        h.Coordinator.RegisterForClose(new RecordingResource("pool", events), "pool");

        await h.Coordinator.StopAndCancelAsync("host stop", Ct).WithinAsync(ct: Ct);
        Assert.True(h.Coordinator.Cancelling.IsCancellationRequested);
        Assert.Empty(events);
        var report = await h.Coordinator.RunAsync("host stop", Ct).WithinAsync(ct: Ct);

        Assert.Equal(["close pool"], events);
        Assert.Equal(5, report.Steps.Count);
    }

    [Fact]
    public async Task Tracked_work_is_visible_in_the_work_registry()
    {
        await using var h = new ShutdownHarness();
        var before = WorkRegistry.LiveCount(TrackedWorkKind.ShutdownWork);

        using (h.Coordinator.TrackWork("import"))
        {
            Assert.Equal(1, h.Coordinator.InFlightCount);
            Assert.Equal(["import"], h.Coordinator.InFlightWork);
            Assert.True(WorkRegistry.LiveCount(TrackedWorkKind.ShutdownWork) >= before + 1);
        }

        Assert.Equal(0, h.Coordinator.InFlightCount);
    }
}
