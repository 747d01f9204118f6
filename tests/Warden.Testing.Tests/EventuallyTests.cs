namespace Warden.Testing.Tests;

public sealed class EventuallyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Until_returns_as_soon_as_the_condition_holds()
    {
        var polls = 0;

        await Eventually.UntilAsync(() => ++polls >= 3, TimeSpan.FromSeconds(30), ct: Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task Until_returns_the_value_that_satisfied_it()
    {
        var reads = 0;

        var value = await Eventually.UntilAsync(() => ++reads * 10, v => v >= 40, TimeSpan.FromSeconds(30), ct: Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(40, value);
    }

    [Fact]
    public void Until_fails_with_the_reason_the_last_value_and_how_long_it_waited()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(async ctx =>
        {
            var orders = new List<int> { 1 };
            await Eventually.UntilAsync(() => orders.Count, c => c == 3, TimeSpan.FromSeconds(2), "three orders were placed", new EventuallyOptions { TimeProvider = ctx.Time }, ctx.Token);
        }));

        Assert.StartsWith("Condition was not met within 2 s because three orders were placed. Last observed value: 1. Waited 2 s over ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_the_loop_it_polls_on_the_virtual_clock_by_default()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(ctx =>
            Eventually.UntilAsync(() => false, TimeSpan.FromMinutes(1), null, ct: ctx.Token)));

        // A virtual minute, exactly: polls at 0, 5, 15, 35, 75, 155, 315 ms, then every 250 ms, and one at the deadline.
        Assert.Equal("Condition was not met within 60 s. Last observed value: False. Waited 60 s over 246 polls.", ex.Message);
    }

    [Fact]
    public async Task Assert_retries_until_the_assertion_passes()
    {
        var attempts = 0;

        await Eventually.AssertAsync(
            () =>
            {
                attempts++;
                Assert.True(attempts >= 4, "not yet");
                return Task.CompletedTask;
            },
            TimeSpan.FromSeconds(30),
            Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(4, attempts);
    }

    [Fact]
    public void Assert_fails_quoting_the_last_assertion_message()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(async ctx =>
        {
            var stock = 5;
            await Eventually.AssertAsync(
                () =>
                {
                    Assert.Equal(0, stock);
                    return Task.CompletedTask;
                },
                TimeSpan.FromSeconds(10),
                "the order drained the stock",
                new EventuallyOptions { TimeProvider = ctx.Time },
                ctx.Token);
        }));

        Assert.StartsWith("Assertion did not pass within 10 s because the order drained the stock. Last failure: Assert.Equal() Failure", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Waited 10 s over ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<Xunit.Sdk.EqualException>(ex.InnerException);
    }

    [Fact]
    public void Assert_bounds_an_attempt_that_never_finishes()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(ctx =>
        {
            var never = new TaskCompletionSource();
            return Eventually.AssertAsync(() => never.Task, TimeSpan.FromSeconds(3), null, new EventuallyOptions { TimeProvider = ctx.Time }, ctx.Token);
        }));

        Assert.Contains("Last failure: the attempt itself did not finish in the time left", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_token_stops_the_wait()
    {
        using var cts = new CancellationTokenSource();
        var waiting = Eventually.UntilAsync(() => false, TimeSpan.FromMinutes(5), ct: cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }
}
