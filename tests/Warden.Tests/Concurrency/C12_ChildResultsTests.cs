namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C12_ChildResultsTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task Children_results_are_awaitable_in_the_body_and_readable_after_the_join(StartMode mode)
    {
        ChildTask<int> late = default;
        var sum = await TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                var a = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    return 20;
                });
                var b = g.Spawn(_ => Task.FromResult(22));
                late = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    return 99;
                }, "late");
                return await a + await b;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(42, sum);
        Assert.True(late.Task.IsCompletedSuccessfully);
        Assert.Equal(99, await late);
        Assert.Equal("late", late.Name);
    }

    [Fact]
    public async Task A_failed_child_awaited_by_the_body_rethrows_its_own_failure_there_and_is_reported_once()
    {
        var boom = new TestFailureException(1);
        Exception? seenByBody = null;
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                var child = g.Spawn<int>(async _ =>
                {
                    await Task.Yield();
                    throw boom;
                });
                try
                {
                    await child;
                }
                catch (TestFailureException e)
                {
                    seenByBody = e;
                }
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, seenByBody);
        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
    }
}
