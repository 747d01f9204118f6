namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C08_ErrorsDuringCancellationTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task Errors_from_finally_blocks_of_children_and_body_during_fail_fast_are_all_recorded(StartMode mode)
    {
        var trigger = new TestFailureException(1);
        var childCleanup = new TestFailureException(2);
        var bodyCleanup = new TestFailureException(3);

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            async (g, ct) =>
            {
                try
                {
                    _ = g.Spawn(StartModes.ThrowsWhenCancelled(childCleanup));
                    _ = g.Spawn(async _ =>
                    {
                        await Task.Yield();
                        throw trigger;
                    });
                    await StartModes.UntilCancelled(ct);
                }
                catch (OperationCanceledException)
                {
                    throw bodyCleanup;
                }
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(trigger, ex.RootCause);
        Assert.Equal(3, ex.InnerExceptions.Count);
        Assert.Contains(childCleanup, ex.InnerExceptions);
        Assert.Contains(bodyCleanup, ex.InnerExceptions);
    }

    [Fact]
    public async Task A_throwing_cancellation_callback_of_a_child_is_recorded()
    {
        var callbackFailure = new TestFailureException(2);
        var registered = StartModes.NewGate();

        // Disposed only after the group: a child that disposed it on its way out could, once its wait was cancelled
        // on another thread, unregister the callback before Cancel() reached it.
        var registration = default(CancellationTokenRegistration);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            async (g, ct) =>
            {
                _ = g.Spawn(async token =>
                {
                    registration = token.Register(() => throw callbackFailure);
                    registered.SetResult();
                    await StartModes.UntilCancelled(token);
                });
                await registered.Task.WaitAsync(ct);
                g.Cancel();
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));
        await registration.DisposeAsync();

        Assert.Same(callbackFailure, Assert.Single(ex.InnerExceptions));
    }
}
