namespace Warden.Testing.Tests;

public sealed class BoundedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Completed_work_passes_through_with_its_result()
    {
        Assert.Equal(7, await Task.Run(() => 7, Ct).WithinAsync(ct: Ct));
    }

    [Fact]
    public async Task Bound_passing_lists_what_is_still_waiting()
    {
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var ex = await Assert.ThrowsAsync<AsyncAssertionException>(() => AwaitReplyAsync(reply.Task).WithinAsync(TimeSpan.FromMilliseconds(50), Ct));

        Assert.StartsWith("The awaited task did not complete within 50 ms. Still waiting:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("async Warden.Testing.Tests.BoundedTests.AwaitReplyAsync (suspended at await #1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a task nobody completed", ex.Message, StringComparison.Ordinal);
        reply.SetResult(1);
    }

    [Fact]
    public async Task Failure_of_the_task_is_not_hidden()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Task.FromException(new InvalidOperationException("boom")).WithinAsync(ct: Ct));
    }

    private static async Task<int> AwaitReplyAsync(Task<int> reply) => await reply;
}
