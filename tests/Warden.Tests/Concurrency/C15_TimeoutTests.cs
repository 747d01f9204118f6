using Microsoft.Extensions.Time.Testing;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C15_TimeoutTests
{
    private static Task SlowGroup(TaskGroupOptions options, CancellationToken token, Exception? cleanupFailure = null) =>
        TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async childToken =>
                {
                    try
                    {
                        await StartModes.UntilCancelled(childToken);
                    }
                    catch (OperationCanceledException) when (cleanupFailure is not null)
                    {
                        throw cleanupFailure;
                    }
                });
                return Task.CompletedTask;
            },
            token,
            options);

    [Fact]
    public async Task The_groups_own_timeout_gives_TimeoutException()
    {
        var time = new FakeTimeProvider();
        var group = SlowGroup(new TaskGroupOptions { Timeout = TimeSpan.FromSeconds(30), TimeProvider = time }, TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(group.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_win_over_the_timeout()
    {
        var time = new FakeTimeProvider();
        var failure = new TestFailureException(1);
        var group = SlowGroup(new TaskGroupOptions { Timeout = TimeSpan.FromSeconds(1), TimeProvider = time }, TestContext.Current.CancellationToken, failure);

        time.Advance(TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Same(failure, Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public async Task An_outer_cancellation_wins_over_the_timeout()
    {
        var time = new FakeTimeProvider();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var finish = StartModes.NewGate();
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async childToken =>
                {
                    try
                    {
                        await StartModes.UntilCancelled(childToken);
                    }
                    finally
                    {
                        await finish.Task;
                    }
                });
                return Task.CompletedTask;
            },
            caller.Token,
            new TaskGroupOptions { Timeout = TimeSpan.FromSeconds(1), TimeProvider = time });

        time.Advance(TimeSpan.FromSeconds(1));
        await caller.CancelAsync();
        finish.SetResult();

        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Equal(caller.Token, oce.CancellationToken);
    }

    [Fact]
    public async Task A_group_that_finishes_in_time_succeeds_and_its_timer_is_gone()
    {
        var time = new FakeTimeProvider();
        await TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async _ => await Task.Yield());
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Timeout = TimeSpan.FromSeconds(1), TimeProvider = time }).WithinAsync(ct: TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromSeconds(5));
    }
}
