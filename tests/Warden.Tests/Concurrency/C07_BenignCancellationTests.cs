using System.Net;
using System.Net.Sockets;

namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C07_BenignCancellationTests
{
    [Fact]
    public async Task An_HttpClient_timeout_in_a_child_is_a_failure_not_a_cancellation()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptSocketAsync(TestContext.Current.CancellationToken).AsTask();
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(token => http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/never-answers"), token));
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        var timeout = Assert.IsType<TaskCanceledException>(Assert.Single(ex.InnerExceptions));
        Assert.IsType<TimeoutException>(timeout.InnerException);
        using var socket = await accepted.WithinAsync(ct: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_OCE_with_the_group_token_while_the_group_is_not_cancelling_is_a_failure()
    {
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(token => throw new OperationCanceledException(token));
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.IsType<OperationCanceledException>(Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public async Task An_OCE_from_an_unrelated_cancelled_token_is_a_failure()
    {
        using var unrelated = new CancellationTokenSource();
        await unrelated.CancelAsync();

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    unrelated.Token.ThrowIfCancellationRequested();
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.IsType<OperationCanceledException>(Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public async Task An_OCE_from_a_token_linked_to_the_group_during_its_cancellation_is_benign()
    {
        var boom = new TestFailureException(1);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async token =>
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(token);
                    await StartModes.UntilCancelled(linked.Token);
                });
                _ = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    throw boom;
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
    }
}
