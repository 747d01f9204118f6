using System.Collections.Concurrent;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C18_CriticalExceptionTests
{
    [Fact]
    public async Task A_critical_exception_propagates_bare_after_the_join_and_the_rest_goes_to_UnobservedException()
    {
        var name = $"critical-{Guid.NewGuid():N}";
        var unobserved = new ConcurrentQueue<Exception>();
        void Handler(object? sender, TaskGroupUnobservedExceptionEventArgs e)
        {
            if (e.GroupName == name)
            {
                unobserved.Enqueue(e.Exception);
            }
        }

        TaskGroup.UnobservedException += Handler;
        try
        {
            var critical = new InsufficientExecutionStackException("critical");
            var other = new TestFailureException(2);
            var siblingFinished = false;
            var thrown = await Assert.ThrowsAsync<InsufficientExecutionStackException>(() => TaskGroup.RunAsync(
                (g, groupToken) =>
                {
                    _ = g.Spawn(async token =>
                    {
                        try
                        {
                            await StartModes.UntilCancelled(token);
                        }
                        catch (OperationCanceledException)
                        {
                            siblingFinished = true;
                            throw other;
                        }
                    });
                    _ = g.Spawn(async _ =>
                    {
                        await Task.Yield();
                        throw critical;
                    });
                    return Task.CompletedTask;
                },
                TestContext.Current.CancellationToken,
                new TaskGroupOptions { Name = name, IsCritical = e => e is InsufficientExecutionStackException }).WithinAsync(ct: TestContext.Current.CancellationToken));

            Assert.Same(critical, thrown);
            Assert.True(siblingFinished);
            Assert.Same(other, Assert.Single(unobserved));
        }
        finally
        {
            TaskGroup.UnobservedException -= Handler;
        }
    }
}
