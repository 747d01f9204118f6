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

    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task A_body_that_throws_before_its_first_await_cancels_children_that_have_not_started(StartMode mode)
    {
        // "Not started" made deterministic: the second child waits for the only slot, which the first holds until the
        // group is cancelled. (A queued child that merely waits for a pool thread may start before the body throws.)
        var boom = new TestFailureException(1);
        var secondRan = false;

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(StartModes.UntilCancelled);
                _ = g.Spawn(_ =>
                {
                    secondRan = true;
                    return Task.CompletedTask;
                });
                throw boom;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Start = mode, MaxConcurrency = 1 }).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.False(secondRan);
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
