namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C19_StartHandshakeTests
{
    [Fact]
    public async Task StartAsync_returns_the_started_value_and_the_group_keeps_waiting_for_the_child()
    {
        var release = StartModes.NewGate();
        var childFinished = false;
        var port = 0;
        var group = TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                port = await g.StartAsync<int>(async (status, token) =>
                {
                    await Task.Yield();
                    status.Started(8080);
                    await release.Task.WaitAsync(token);
                    childFinished = true;
                }, groupToken);
            },
            TestContext.Current.CancellationToken);

        await Eventually.UntilAsync(() => Volatile.Read(ref port) == 8080, Bounded.DefaultBound, "the child should report 8080 as its start value", TestContext.Current.CancellationToken);
        Assert.False(group.IsCompleted);
        release.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.True(childFinished);
    }

    [Fact]
    public async Task An_error_before_Started_is_thrown_from_StartAsync_not_into_the_group()
    {
        var boom = new TestFailureException(1);
        Exception? caught = null;
        await TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                try
                {
                    await g.StartAsync<int>(async (_, _) =>
                    {
                        await Task.Yield();
                        throw boom;
                    }, groupToken);
                }
                catch (TestFailureException e)
                {
                    caught = e;
                }
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Same(boom, caught);
    }

    [Fact]
    public async Task Finishing_without_Started_and_calling_Started_twice_are_errors()
    {
        InvalidOperationException? secondCall = null;
        await TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => g.StartAsync<int>((_, _) => Task.CompletedTask, groupToken));
                Assert.Contains("without calling Started", ex.Message, StringComparison.Ordinal);

                await g.StartAsync<int>((status, _) =>
                {
                    status.Started(1);
                    secondCall = Assert.Throws<InvalidOperationException>(() => status.Started(2));
                    return Task.CompletedTask;
                }, groupToken);
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.NotNull(secondCall);
    }

    [Fact]
    public async Task Cancelling_the_caller_of_StartAsync_cancels_the_child_before_it_started()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var childCancelled = false;
        await TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                var start = g.StartAsync<int>(async (_, token) =>
                {
                    try
                    {
                        await StartModes.UntilCancelled(token);
                    }
                    catch (OperationCanceledException)
                    {
                        childCancelled = true;
                        throw;
                    }
                }, caller.Token);
                await caller.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.True(childCancelled);
    }
}
