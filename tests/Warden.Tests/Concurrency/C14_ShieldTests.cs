using Microsoft.Extensions.Time.Testing;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C14_ShieldTests
{
    [Fact]
    public async Task A_shield_is_not_cancelled_with_the_group_expires_on_its_own_budget_and_is_awaited()
    {
        var time = new FakeTimeProvider();
        var cleanupStarted = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cleanupCancelled = false;
        var boom = new TestFailureException(1);

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
                        var shield = g.Shield(TimeSpan.FromSeconds(2));
                        cleanupStarted.SetResult(shield);
                        try
                        {
                            await StartModes.UntilCancelled(shield);
                        }
                        catch (OperationCanceledException)
                        {
                            cleanupCancelled = true;
                        }
                    }
                });
                _ = g.Spawn(_ => Task.FromException(boom));
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { TimeProvider = time });

        var shieldToken = await cleanupStarted.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.False(shieldToken.IsCancellationRequested);
        Assert.False(group.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(2));
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.True(cleanupCancelled);
    }

    [Fact]
    public async Task Cleanup_awaiting_the_cancelled_group_token_fails_at_once_which_is_why_shields_exist()
    {
        var cleanupSawCancelled = false;
        await TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async token =>
                {
                    try
                    {
                        await StartModes.UntilCancelled(token);
                    }
                    catch (OperationCanceledException)
                    {
                        var cleanup = Task.Delay(TimeSpan.FromSeconds(1), token);
                        cleanupSawCancelled = cleanup.IsCanceled;
                    }
                });
                g.Cancel();
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.True(cleanupSawCancelled);
    }
}
