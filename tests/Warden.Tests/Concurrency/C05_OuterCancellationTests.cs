namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C05_OuterCancellationTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task Without_errors_the_group_ends_in_an_OCE_carrying_the_callers_token(StartMode mode)
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = StartModes.NewGate();
        var group = TaskGroup.RunAsync(
            async (g, ct) =>
            {
                _ = g.Spawn(async token =>
                {
                    started.SetResult();
                    await StartModes.UntilCancelled(token);
                });
                await StartModes.UntilCancelled(ct);
            },
            caller.Token,
            StartModes.Options(mode));
        await started.Task.WithinAsync(ct: TestContext.Current.CancellationToken);

        await caller.CancelAsync();

        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Equal(caller.Token, oce.CancellationToken);
        Assert.True(group.IsCanceled);
    }

    [Fact]
    public async Task Errors_raised_during_an_outer_cancellation_win()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var started = StartModes.NewGate();
        var cleanupFailure = new TestFailureException(1);
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
                        throw cleanupFailure;
                    }
                });
                return Task.CompletedTask;
            },
            caller.Token);
        await started.Task.WithinAsync(ct: TestContext.Current.CancellationToken);

        await caller.CancelAsync();

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Same(cleanupFailure, Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public async Task An_already_cancelled_token_does_not_run_the_body()
    {
        using var caller = new CancellationTokenSource();
        await caller.CancelAsync();
        var ran = false;

        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TaskGroup.RunAsync(
            (_, _) =>
            {
                ran = true;
                return Task.CompletedTask;
            },
            caller.Token).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.False(ran);
        Assert.Equal(caller.Token, oce.CancellationToken);
    }
}
