namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C01_JoinOnExitTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task A_normal_body_exit_waits_for_every_child_and_cancels_nothing(StartMode mode)
    {
        var release = StartModes.NewGate();
        var childToken = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bodyReturned = StartModes.NewGate();
        var finished = false;

        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async ct =>
                {
                    childToken.SetResult(ct);
                    await release.Task.WaitAsync(ct);
                    finished = true;
                });
                bodyReturned.SetResult();
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode));

        await bodyReturned.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        var token = await childToken.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.False(group.IsCompleted);
        Assert.False(token.IsCancellationRequested);

        release.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.True(finished);
    }

    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task Children_spawned_by_a_child_after_the_body_returned_are_awaited_too(StartMode mode)
    {
        var release = StartModes.NewGate();
        var grandchildDone = false;

        await TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async ct =>
                {
                    await Task.Yield();
                    _ = g.Spawn(async ct2 =>
                    {
                        await release.Task.WaitAsync(ct2);
                        grandchildDone = true;
                    });
                    release.SetResult();
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.True(grandchildDone);
    }

    [Fact]
    public async Task A_group_without_children_completes_with_its_body()
    {
        var value = await TaskGroup.RunAsync((_, _) => Task.FromResult(42), TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.Equal(42, value);
    }
}
