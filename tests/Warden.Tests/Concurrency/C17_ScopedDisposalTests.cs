using System.Collections.Concurrent;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C17_ScopedDisposalTests
{
    [Fact]
    public async Task JoinAsync_is_where_errors_are_thrown()
    {
        var boom = new TestFailureException(1);
        await using var group = TaskGroup.Create(TestContext.Current.CancellationToken);
        _ = group.Spawn(_ => Task.FromException(boom));

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => group.JoinAsync().WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public async Task DisposeAsync_without_a_join_cancels_waits_reports_unobserved_and_never_throws()
    {
        var name = $"scoped-{Guid.NewGuid():N}";
        var unobserved = new ConcurrentQueue<TaskGroupUnobservedExceptionEventArgs>();
        void Handler(object? sender, TaskGroupUnobservedExceptionEventArgs e)
        {
            if (e.GroupName == name)
            {
                unobserved.Enqueue(e);
            }
        }

        TaskGroup.UnobservedException += Handler;
        try
        {
            var cleanupFailure = new TestFailureException(1);
            var childDone = false;
            var started = StartModes.NewGate();
            var group = TaskGroup.Create(TestContext.Current.CancellationToken, new TaskGroupOptions { Name = name });
            _ = group.Spawn(async token =>
            {
                started.SetResult();
                try
                {
                    await StartModes.UntilCancelled(token);
                }
                catch (OperationCanceledException)
                {
                    childDone = true;
                    throw cleanupFailure;
                }
            });
            await started.Task.WithinAsync(ct: TestContext.Current.CancellationToken);

            await group.DisposeAsync().AsTask().WithinAsync(ct: TestContext.Current.CancellationToken);

            Assert.True(childDone);
            var report = Assert.Single(unobserved);
            Assert.Same(cleanupFailure, Assert.IsType<TaskGroupException>(report.Exception).InnerExceptions.Single());
        }
        finally
        {
            TaskGroup.UnobservedException -= Handler;
        }
    }

    [Fact]
    public async Task A_clean_scope_without_a_join_ends_quietly()
    {
        var group = TaskGroup.Create(TestContext.Current.CancellationToken);
        _ = group.Spawn(token => StartModes.UntilCancelled(token));
        await group.DisposeAsync().AsTask().WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.True(group.Token.IsCancellationRequested);
    }
}
