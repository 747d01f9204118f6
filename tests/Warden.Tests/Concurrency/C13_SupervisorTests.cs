using System.Collections.Concurrent;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C13_SupervisorTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task A_child_failure_goes_to_the_handler_and_cancels_nobody(StartMode mode)
    {
        var faults = new ConcurrentQueue<TaskGroupChildFault>();
        var boom = new TestFailureException(1);
        var siblingFinished = false;
        var failed = StartModes.NewGate();

        await TaskGroup.RunAsync(
            async (g, ct) =>
            {
                _ = g.Spawn(_ => Task.FromException(boom), "fragile");
                _ = g.Spawn(async token =>
                {
                    await failed.Task.WaitAsync(token);
                    siblingFinished = !token.IsCancellationRequested;
                });
                await Task.Yield();
                failed.SetResult();
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Mode = FailureMode.Supervisor, Start = mode, OnChildFault = faults.Enqueue, Name = "supervised" }).WithinAsync(ct: TestContext.Current.CancellationToken);

        var fault = Assert.Single(faults);
        Assert.Same(boom, fault.Exception);
        Assert.Equal("fragile", fault.ChildName);
        Assert.Equal("supervised", fault.GroupName);
        Assert.True(siblingFinished);
    }

    [Fact]
    public async Task The_handler_runs_in_the_spawners_execution_context_even_for_a_child_that_fails_later()
    {
        // The group watches asynchronous children with a plain continuation; with a handler (user code) it must still
        // run where an await in the spawner would: with the spawner's AsyncLocal values, not the failing child's.
        var flowing = new AsyncLocal<string>();
        var seen = new ConcurrentQueue<string?>();
        await TaskGroup.RunAsync(
            (g, ct) =>
            {
                flowing.Value = "spawner";
                _ = g.Spawn(async _ =>
                {
                    flowing.Value = "child";
                    await Task.Yield();
                    throw new TestFailureException(1);
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Mode = FailureMode.Supervisor, OnChildFault = _ => seen.Enqueue(flowing.Value) }).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal("spawner", Assert.Single(seen));
    }

    [Fact]
    public async Task Without_a_handler_supervised_failures_are_raised_at_the_join()
    {
        var boom = new TestFailureException(1);
        var siblingFinished = false;
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ => Task.FromException(boom));
                _ = g.Spawn(async token =>
                {
                    await Task.Yield();
                    siblingFinished = !token.IsCancellationRequested;
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Mode = FailureMode.Supervisor }).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.True(siblingFinished);
    }

    [Fact]
    public async Task A_body_failure_still_cancels_everything_and_a_throwing_handler_is_recorded()
    {
        var bodyFailure = new TestFailureException(1);
        var handlerFailure = new TestFailureException(2);
        var childCancelled = false;
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                _ = g.Spawn(_ => Task.FromException(new FormatException()));
                _ = g.Spawn(StartModes.RecordsCancellation(() => childCancelled = true));
                await Task.Yield();
                throw bodyFailure;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Mode = FailureMode.Supervisor, OnChildFault = _ => throw handlerFailure }).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Equal([handlerFailure, bodyFailure], ex.InnerExceptions);
        Assert.True(childCancelled);
    }
}
