namespace Warden.Testing.Tests;

public sealed class CancellationAssertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cooperative_operation_with_cleanup_passes_at_a_signal()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = false;

        var oce = await CancellationAssert.CancelsCleanlyAsync(
            async token =>
            {
                try
                {
                    started.SetResult();
                    await Task.Delay(Timeout.InfiniteTimeSpan, token);
                }
                finally
                {
                    released = true;
                }
            },
            CancellationPoint.On(started.Task),
            () => released,
            ct: Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.IsAssignableFrom<OperationCanceledException>(oce);
    }

    [Fact]
    public void Cancel_after_a_delay_uses_the_loops_virtual_clock_by_default()
    {
        AsyncTest.Run(async ctx =>
        {
            var stoppedAt = DateTimeOffset.MinValue;
            await CancellationAssert.CancelsCleanlyAsync(
                async token =>
                {
                    try
                    {
                        await Task.Delay(TimeSpan.FromHours(1), ctx.Time, token);
                    }
                    finally
                    {
                        stoppedAt = ctx.Time.GetUtcNow();
                    }
                },
                CancellationPoint.After(TimeSpan.FromMinutes(5)),
                () => stoppedAt != DateTimeOffset.MinValue,
                ct: ctx.Token);

            Assert.Equal(new DateTimeOffset(2000, 1, 1, 0, 5, 0, TimeSpan.Zero), stoppedAt);
        });
    }

    [Fact]
    public async Task Cancel_when_a_condition_holds()
    {
        var progress = 0;

        await CancellationAssert.CancelsCleanlyAsync(
            async token =>
            {
                while (true)
                {
                    Interlocked.Increment(ref progress);
                    await Task.Yield();
                    token.ThrowIfCancellationRequested();
                }
            },
            CancellationPoint.When(() => Volatile.Read(ref progress) >= 3),
            ct: Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.True(progress >= 3);
    }

    [Fact]
    public void Operation_that_ignores_its_token_fails_with_the_bound()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(ctx =>
            CancellationAssert.CancelsCleanlyAsync(
                _ => Task.Delay(TimeSpan.FromHours(1), ctx.Time, CancellationToken.None),
                CancellationPoint.After(TimeSpan.FromSeconds(1), ctx.Time),
                options: new CancellationAssertOptions { TimeProvider = ctx.Time, EndWithin = TimeSpan.FromSeconds(5) },
                ct: ctx.Token)));

        Assert.StartsWith("The operation did not end within 5 s after it was cancelled (after 1 s); it ignores its token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_cleanup_check_is_quoted_in_the_message()
    {
        var connection = new FakeConnection();

        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(ctx =>
            CancellationAssert.CancelsCleanlyAsync(
                async token =>
                {
                    connection.Open();
                    await Task.Delay(TimeSpan.FromHours(1), ctx.Time, token);
                    connection.Close();
                },
                CancellationPoint.After(TimeSpan.FromSeconds(1), ctx.Time),
                () => !connection.IsOpen,
                new CancellationAssertOptions { TimeProvider = ctx.Time },
                ctx.Token)));

        Assert.Contains("the cleanup check failed: () => !connection.IsOpen", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operation_that_swallows_cancellation_fails()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => CancelAfterOneVirtualSecond(onCancelled: () => { }));

        Assert.StartsWith("The operation completed successfully after it was cancelled", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operation_that_fails_differently_is_reported_with_its_exception()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => CancelAfterOneVirtualSecond(onCancelled: () => throw new InvalidOperationException("connection reset")));

        Assert.Equal("The operation ended with InvalidOperationException instead of OperationCanceledException after it was cancelled: connection reset", ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public void Operation_that_ends_before_the_point_fails()
    {
        var ex = Assert.Throws<AsyncAssertionException>(() => AsyncTest.Run(ctx =>
            CancellationAssert.CancelsCleanlyAsync(
                token => Task.Delay(TimeSpan.FromSeconds(1), ctx.Time, token),
                CancellationPoint.After(TimeSpan.FromMinutes(1), ctx.Time),
                options: new CancellationAssertOptions { TimeProvider = ctx.Time },
                ct: ctx.Token)));

        Assert.StartsWith("The operation ended (completed successfully) before the cancellation point (after 60 s)", ex.Message, StringComparison.Ordinal);
    }

    // An operation that catches its own cancellation and then does what the test says: the bugs under test.
    private static void CancelAfterOneVirtualSecond(Action onCancelled) => AsyncTest.Run(ctx =>
        CancellationAssert.CancelsCleanlyAsync(
            async token =>
            {
                try
                {
                    await Task.Delay(TimeSpan.FromHours(1), ctx.Time, token);
                }
                catch (OperationCanceledException)
                {
                    onCancelled();
                }
            },
            CancellationPoint.After(TimeSpan.FromSeconds(1), ctx.Time),
            options: new CancellationAssertOptions { TimeProvider = ctx.Time },
            ct: ctx.Token));

    private sealed class FakeConnection
    {
        public bool IsOpen { get; private set; }

        public void Open() => IsOpen = true;

        public void Close() => IsOpen = false;
    }
}
