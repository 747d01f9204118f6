namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C22_LevelTriggeredCancellationTests
{
    [Fact]
    public async Task Errors_win_and_the_callers_token_stays_cancelled_for_its_next_check()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = StartModes.NewGate();
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async token =>
                {
                    started.SetResult();
                    try
                    {
                        await StartModes.UntilCancelled(token);
                    }
                    catch (OperationCanceledException)
                    {
                        throw new TestFailureException(1);
                    }
                });
                return Task.CompletedTask;
            },
            caller.Token);
        await started.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        await caller.CancelAsync();

        await Assert.ThrowsAsync<TaskGroupException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.True(caller.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task A_cancellation_arriving_after_the_group_completed_changes_nothing()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        ITaskGroup? kept = null;
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                kept = g;
                _ = g.Spawn(async _ => await Task.Yield());
                return Task.CompletedTask;
            },
            caller.Token);
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);

        await caller.CancelAsync();
        kept!.Cancel();

        Assert.True(group.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task The_cause_is_recorded_when_it_fires_not_reconstructed_at_the_join()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var finish = StartModes.NewGate();
        var cleanup = StartModes.NewGate();
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async token =>
                {
                    try
                    {
                        await StartModes.UntilCancelled(token);
                    }
                    finally
                    {
                        cleanup.SetResult();
                        await finish.Task;
                    }
                });
                return Task.CompletedTask;
            },
            caller.Token);

        // The outer token fires first and is recorded; the group token is already cancelled, so Cancel() adds nothing.
        await caller.CancelAsync();
        await cleanup.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        finish.SetResult();

        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Equal(caller.Token, oce.CancellationToken);
    }
}
