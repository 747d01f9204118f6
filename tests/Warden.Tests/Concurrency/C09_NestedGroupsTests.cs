namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C09_NestedGroupsTests
{
    [Fact]
    public async Task An_inner_failure_appears_nested_inside_the_outer_exception()
    {
        var boom = new TestFailureException(1);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (outer, outerToken) =>
            {
                _ = outer.Spawn(token => TaskGroup.RunAsync(
                    (inner, innerGroupToken) =>
                    {
                        _ = inner.Spawn(_ => Task.FromException(boom));
                        return Task.CompletedTask;
                    },
                    token));
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        var nested = Assert.IsType<TaskGroupException>(Assert.Single(ex.InnerExceptions));
        Assert.Same(boom, Assert.Single(nested.InnerExceptions));
        Assert.Same(boom, Assert.Single(ex.Flatten().InnerExceptions));
    }

    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task An_outer_failure_cancels_grandchildren_cleanly(StartMode mode)
    {
        var boom = new TestFailureException(1);
        var grandchildStarted = StartModes.NewGate();
        var grandchildCancelled = false;

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            async (outer, ct) =>
            {
                _ = outer.Spawn(token => TaskGroup.RunAsync(
                    (inner, innerGroupToken) =>
                    {
                        _ = inner.Spawn(async innerToken =>
                        {
                            grandchildStarted.SetResult();
                            try
                            {
                                await StartModes.UntilCancelled(innerToken);
                            }
                            catch (OperationCanceledException)
                            {
                                grandchildCancelled = true;
                                throw;
                            }
                        });
                        return Task.CompletedTask;
                    },
                    token,
                    StartModes.Options(mode)));
                await grandchildStarted.Task.WaitAsync(ct);
                throw boom;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.True(grandchildCancelled);
    }
}
