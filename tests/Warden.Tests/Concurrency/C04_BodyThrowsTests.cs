namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C04_BodyThrowsTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task A_throwing_body_cancels_and_waits_for_children_and_is_included(StartMode mode)
    {
        var boom = new TestFailureException(1);
        var childCancelled = false;
        var childStarted = StartModes.NewGate();

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            async (g, ct) =>
            {
                _ = g.Spawn(async token =>
                {
                    childStarted.SetResult();
                    try
                    {
                        await StartModes.UntilCancelled(token);
                    }
                    catch (OperationCanceledException)
                    {
                        childCancelled = true;
                        throw;
                    }
                });
                await childStarted.Task.WaitAsync(ct);
                throw boom;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.True(childCancelled);
    }

    [Fact]
    public async Task A_body_that_throws_before_its_first_await_cancels_children_that_have_not_started()
    {
        var boom = new TestFailureException(1);
        var sawCancelled = false;

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(token =>
                {
                    sawCancelled = token.IsCancellationRequested;
                    return Task.CompletedTask;
                });
                throw boom;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Start = StartMode.Queued }).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.True(sawCancelled);
    }

    [Fact]
    public async Task A_body_ending_in_the_groups_own_cancellation_is_benign()
    {
        await TaskGroup.RunAsync(
            async (g, ct) =>
            {
                g.Cancel();
                await StartModes.UntilCancelled(ct);
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
    }
}
