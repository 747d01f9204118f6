using System.Reflection;
using Warden.Diagnostics;
using Xunit.v3;

namespace Warden.Testing.Tests;

// Audits of Warden-tracked work are process-wide; this collection keeps other tests of this assembly from running
// Warden work at the same time.
[Collection(ProcessWideAudits.Name)]
public sealed class LeakAuditTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly LeakAuditOptions NoSettle = new() { Settle = TimeSpan.Zero };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Tracked_work_still_running_is_named_with_its_kind_and_start_site()
    {
        using var audit = LeakAudit.Start(NoSettle);
        using var handle = WorkRegistry.Register(TrackedWorkKind.BackgroundTask, "price-refresh", "RefreshLoop (Prices.cs:42)");

        var ex = Assert.Throws<AsyncAssertionException>(audit.AssertNoLeaks);

        Assert.StartsWith("Leak audit: 1 piece of work was still running 0 ms after the audited code ended.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BackgroundTask 'price-refresh' started at RefreshLoop (Prices.cs:42)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finished_tracked_work_passes()
    {
        using var audit = LeakAudit.Start(NoSettle);
        WorkRegistry.Register(TrackedWorkKind.Offload, "legacy-soap").Dispose();

        audit.AssertNoLeaks();
    }

    [Fact]
    public void Work_started_before_the_audit_is_not_its_leak()
    {
        using var tracking = WorkRegistry.BeginTracking();
        using var before = WorkRegistry.Register(TrackedWorkKind.TaskGroup, "host-group");
        using var audit = LeakAudit.Start(NoSettle);

        audit.AssertNoLeaks();
    }

    [Fact]
    public async Task Background_task_left_running_is_a_leak_and_awaiting_its_drain_fixes_it()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var tasks = new BackgroundTasks();
        using var audit = LeakAudit.Start(NoSettle);
        Assert.True(tasks.TryStart("mailer", _ => stop.Task));

        var leak = Assert.Throws<AsyncAssertionException>(audit.AssertNoLeaks);
        Assert.Contains("BackgroundTask 'mailer' started at Background_task_left_running_is_a_leak_and_awaiting_its_drain_fixes_it (LeakAuditTests.cs:", leak.Message, StringComparison.Ordinal);

        stop.SetResult();
        await tasks.DrainAsync(Bound, Ct).WaitAsync(Bound, Ct);
        audit.AssertNoLeaks();
    }

    [Fact]
    public async Task Task_group_left_open_is_a_leak_with_its_children_and_joining_it_fixes_it()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var audit = LeakAudit.Start(NoSettle);
        await using var group = TaskGroup.Create(Ct);
        _ = group.Spawn(_ => stop.Task, "fetch-prices"); // owned by the group, which JoinAsync awaits below

        var leak = Assert.Throws<AsyncAssertionException>(audit.AssertNoLeaks);
        Assert.Contains("TaskGroup '", leak.Message, StringComparison.Ordinal);
        Assert.Contains("started at Task_group_left_open_is_a_leak_with_its_children_and_joining_it_fixes_it (LeakAuditTests.cs:", leak.Message, StringComparison.Ordinal);
        Assert.Contains("GroupChild 'fetch-prices'", leak.Message, StringComparison.Ordinal);

        stop.SetResult();
        await group.JoinAsync().WithinAsync(Bound, Ct);
        audit.AssertNoLeaks();
    }

    [Fact]
    public async Task Settle_waits_for_work_that_is_about_to_end()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var audit = LeakAudit.Start(new LeakAuditOptions { Settle = Bound });
        var handle = WorkRegistry.Register(TrackedWorkKind.ShutdownWork, "flush");
        var ending = Task.Run(
            async () =>
            {
                await release.Task;
                handle.Dispose();
            },
            Ct);

        release.SetResult();
        audit.AssertNoLeaks();
        await ending.WaitAsync(Bound, Ct);
    }

    [Fact]
    public async Task Plain_task_mode_catches_a_forgotten_async_method_with_its_start_site()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var audit = LeakAudit.Start(new LeakAuditOptions { IncludePlainTasks = true, Settle = TimeSpan.Zero });

        var forgotten = WaitForeverAsync(never.Task);

        var ex = Assert.Throws<AsyncAssertionException>(audit.AssertNoLeaks);
        Assert.Contains("Task 'Async: <WaitForeverAsync>d", ex.Message, StringComparison.Ordinal);
        Assert.Contains("started at Warden.Testing.Tests.LeakAuditTests.WaitForeverAsync (LeakAuditTests.cs:", ex.Message, StringComparison.Ordinal);
        never.SetResult();
        await forgotten.WaitAsync(Bound, Ct);
    }

    [Fact]
    public async Task Plain_task_mode_catches_what_AsyncTest_Run_misses_an_async_method_suspended_on_a_task_nobody_completes()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task? forgotten = null;
        using var audit = LeakAudit.Start(new LeakAuditOptions { IncludePlainTasks = true, Settle = TimeSpan.Zero });

        // Run's own end-of-body check sees timers and runnable work only (docs/testing.md, Limits): this passes.
        AsyncTest.Run(_ =>
        {
            forgotten = WaitForeverAsync(never.Task);
            return Task.CompletedTask;
        });

        var ex = Assert.Throws<AsyncAssertionException>(audit.AssertNoLeaks);
        Assert.Contains("Task 'Async: <WaitForeverAsync>d", ex.Message, StringComparison.Ordinal);
        never.SetResult();
        await forgotten!.WaitAsync(Bound, Ct);
    }

    [Fact]
    public async Task Plain_task_mode_passes_when_everything_was_awaited()
    {
        using var audit = LeakAudit.Start(new LeakAuditOptions { IncludePlainTasks = true });

        await Task.Run(() => 1, Ct).WaitAsync(Bound, Ct);
        await Task.Delay(1, Ct).WaitAsync(Bound, Ct);

        audit.AssertNoLeaks();
    }

    [Fact]
    public void Attribute_audits_a_test_from_before_to_after()
    {
        var attribute = new AuditLeaksAttribute { SettleMilliseconds = 0 };
        var test = (IXunitTest)TestContext.Current.Test!;
        var method = MethodBase.GetCurrentMethod() as MethodInfo;

        attribute.Before(method!, test);
        using var handle = WorkRegistry.Register(TrackedWorkKind.GroupChild, "child-7", "Fan (Orders.cs:9)");
        var ex = Assert.Throws<AsyncAssertionException>(() => attribute.After(method!, test));

        Assert.Contains("GroupChild 'child-7' started at Fan (Orders.cs:9)", ex.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForeverAsync(Task never) => await never;
}
