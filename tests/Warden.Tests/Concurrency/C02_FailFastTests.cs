namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C02_FailFastTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task The_first_failure_cancels_siblings_and_the_body(StartMode mode)
    {
        var siblingStarted = StartModes.NewGate();
        var siblingCancelled = false;
        var bodyCancelled = false;
        var boom = new TestFailureException(1);

        var group = TaskGroup.RunAsync(
            async (g, ct) =>
            {
                _ = g.Spawn(async token =>
                {
                    siblingStarted.SetResult();
                    try
                    {
                        await StartModes.UntilCancelled(token);
                    }
                    catch (OperationCanceledException)
                    {
                        siblingCancelled = true;
                        throw;
                    }
                });
                await siblingStarted.Task.WaitAsync(ct);
                _ = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    throw boom;
                });
                try
                {
                    await StartModes.UntilCancelled(ct);
                }
                catch (OperationCanceledException)
                {
                    bodyCancelled = true;
                    throw;
                }
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode));

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.True(siblingCancelled);
        Assert.True(bodyCancelled);
    }

    [Fact]
    public async Task No_new_child_is_admitted_once_a_failure_cancelled_the_group()
    {
        var lateRan = false;
        TaskGroupClosedException? refused = null;

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ => throw new TestFailureException(1));
                refused = Assert.Throws<TaskGroupClosedException>(() => g.Spawn(_ =>
                {
                    lateRan = true;
                    return Task.CompletedTask;
                }));
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.False(lateRan);
        Assert.NotNull(refused);
        Assert.IsType<TestFailureException>(Assert.Single(ex.InnerExceptions));
    }
}
