using Microsoft.Extensions.Time.Testing;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C06_ExplicitCancelTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task Cancel_stops_body_and_children_and_the_group_ends_without_error(StartMode mode)
    {
        var childCancelled = false;
        await TaskGroup.RunAsync(
            async (g, ct) =>
            {
                _ = g.Spawn(StartModes.RecordsCancellation(() => childCancelled = true));
                await Task.Yield();
                g.Cancel();
                g.Cancel();
                await StartModes.UntilCancelled(ct);
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.True(childCancelled);
    }

    [Fact]
    public async Task Cancel_after_completion_is_a_no_op()
    {
        var leaked = await StartModes.FinishedGroupAsync();

        leaked.Cancel();
    }

    [Fact]
    public async Task An_error_just_after_Cancel_is_still_reported()
    {
        var boom = new TestFailureException(1);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                g.Cancel();
                throw boom;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public async Task An_outer_cancellation_after_Cancel_still_surfaces()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var cleanupRunning = StartModes.NewGate();
        var finishCleanup = StartModes.NewGate();
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                SpawnSlowCleanup(g, cleanupRunning, finishCleanup);
                g.Cancel();
                return Task.CompletedTask;
            },
            caller.Token);
        await cleanupRunning.Task.WithinAsync(ct: TestContext.Current.CancellationToken);

        await caller.CancelAsync();
        finishCleanup.SetResult();

        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Equal(caller.Token, oce.CancellationToken);
    }

    [Fact]
    public async Task A_timeout_after_Cancel_still_surfaces()
    {
        var time = new FakeTimeProvider();
        var cleanupRunning = StartModes.NewGate();
        var finishCleanup = StartModes.NewGate();
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                SpawnSlowCleanup(g, cleanupRunning, finishCleanup);
                g.Cancel();
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Timeout = TimeSpan.FromSeconds(5), TimeProvider = time });
        await cleanupRunning.Task.WithinAsync(ct: TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromSeconds(5));
        finishCleanup.SetResult();

        await Assert.ThrowsAsync<TimeoutException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_result_body_stopped_by_Cancel_before_returning_has_no_result()
    {
        var group = TaskGroup.RunAsync<int>(
            async (g, ct) =>
            {
                g.Cancel();
                await StartModes.UntilCancelled(ct);
                return 1;
            },
            TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
    }

    /// <summary>A child whose cleanup, after the group cancelled it, waits for the test: time to fire a second cause.</summary>
    private static void SpawnSlowCleanup(ITaskGroup group, TaskCompletionSource cleanupRunning, TaskCompletionSource finishCleanup) =>
        _ = group.Spawn(async token =>
        {
            try
            {
                await StartModes.UntilCancelled(token);
            }
            finally
            {
                cleanupRunning.SetResult();
                await finishCleanup.Task;
            }
        });
}
