namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C11_StartModeTests
{
    [Fact]
    public async Task Inline_runs_the_child_until_its_first_await_before_Spawn_returns()
    {
        var order = new List<string>();
        await TaskGroup.RunAsync(
            async (g, ct) =>
            {
                _ = g.Spawn(async _ =>
                {
                    order.Add("child sync part");
                    await Task.Yield();
                });
                order.Add("after spawn");
                await Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(["child sync part", "after spawn"], order);
    }

    [Fact]
    public async Task Queued_returns_from_Spawn_before_the_child_runs()
    {
        using var childMayRun = new ManualResetEventSlim();
        var ran = StartModes.NewGate();
        await TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ =>
                {
                    // Blocks a pool thread briefly; inline this would deadlock, queued it cannot.
                    childMayRun.Wait(Bounded.DefaultBound, TestContext.Current.CancellationToken);
                    ran.SetResult();
                    return Task.CompletedTask;
                });
                childMayRun.Set();
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Start = StartMode.Queued }).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.True(ran.Task.IsCompleted);
    }

    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task A_child_that_fails_or_cancels_synchronously_during_Spawn_is_accounted_for(StartMode mode)
    {
        var boom = new TestFailureException(1);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ => throw boom);
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Same(boom, Assert.Single(ex.InnerExceptions));

        var siblingCancelled = false;
        await TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(StartModes.RecordsCancellation(() => siblingCancelled = true));
                _ = g.Spawn(_ =>
                {
                    g.Cancel();
                    return Task.CompletedTask;
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.True(siblingCancelled);
    }

    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task A_sibling_spawned_during_another_childs_spawn_is_joined(StartMode mode)
    {
        var release = StartModes.NewGate();
        var siblingDone = false;
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ =>
                {
                    g.Spawn(async token =>
                    {
                        await release.Task.WaitAsync(token);
                        siblingDone = true;
                    });
                    return Task.CompletedTask;
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode));

        Assert.False(group.IsCompleted);
        release.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.True(siblingDone);
    }

    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task Long_spawn_loops_from_the_body_and_from_children_are_joined_exactly(StartMode mode)
    {
        var release = StartModes.NewGate();
        var finished = 0;
        async Task Child(CancellationToken token)
        {
            await release.Task.WaitAsync(token);
            Interlocked.Increment(ref finished);
        }

        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                for (var i = 0; i < 100; i++)
                {
                    _ = g.Spawn(Child);
                }

                _ = g.Spawn(_ =>
                {
                    for (var i = 0; i < 70; i++)
                    {
                        g.Spawn(Child);
                    }

                    return Task.CompletedTask;
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode));

        Assert.False(group.IsCompleted);
        release.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.Equal(170, finished);
    }
}
