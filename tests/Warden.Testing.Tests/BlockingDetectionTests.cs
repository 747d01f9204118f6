using Microsoft.Extensions.Time.Testing;
using Warden.Blocking;

namespace Warden.Testing.Tests;

public sealed class BlockingDetectionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum WaitStyle
    {
        Result,
        Wait,
        GetResult,
    }

    [Theory]
    [InlineData(WaitStyle.Result)]
    [InlineData(WaitStyle.Wait)]
    [InlineData(WaitStyle.GetResult)]
    public async Task Sync_wait_on_a_pool_thread_fails_with_the_stack_of_the_blocking_call(WaitStyle style)
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var enforcement = BlockingDetection.Enforce();
        Task blocked;
        try
        {
            blocked = Task.Run(() => BlockOn(gate.Task, style), Ct);
            await Eventually.UntilAsync(() => enforcement.Reports.Count > 0, Bound, "the pool thread should start waiting", Ct);
        }
        finally
        {
            gate.SetResult(1);
        }

        await blocked.WaitAsync(Bound, Ct);
        var ex = Assert.Throws<AsyncAssertionException>(enforcement.Dispose);

        Assert.StartsWith("Blocking detected inside BlockingDetection.Enforce: 1 call site.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Synchronous wait on an incomplete task at Warden.Testing.Tests.BlockingDetectionTests.BlockOn", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BlockingDetectionTests.cs:line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Awaiting_instead_passes()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (BlockingDetection.Enforce())
        {
            var awaited = Task.Run(async () => await gate.Task, Ct);
            gate.SetResult(1);
            Assert.Equal(1, await awaited.WaitAsync(Bound, Ct));
        }
    }

    [Fact]
    public async Task Waiting_on_a_completed_task_is_not_blocking()
    {
        using (BlockingDetection.Enforce())
        {
            await Task.Run(() => Task.FromResult(3).Result, Ct).WaitAsync(Bound, Ct);
        }
    }

    [Fact]
    public async Task The_blocking_helper_of_the_allow_tests_is_reported_without_an_allowance()
    {
        var enforcement = BlockingDetection.Enforce();

        await BlockOnPoolThreadAsync();

        Assert.Contains("at Warden.Testing.Tests.BlockingDetectionTests.TimedWait", Assert.Throws<AsyncAssertionException>(enforcement.Dispose).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_listed_call_site_passes()
    {
        var options = new BlockingDetectorOptions().Allow("Warden.Testing.Tests.BlockingDetectionTests.TimedWait");
        using (BlockingDetection.Enforce(options))
        {
            await BlockOnPoolThreadAsync();
        }
    }

    [Fact]
    public async Task Allow_scope_passes()
    {
        using (BlockingDetection.Enforce())
        {
            using (BlockingDetection.Allow())
            {
                await BlockOnPoolThreadAsync();
            }
        }
    }

    [Fact]
    public async Task Blocking_in_a_flow_that_did_not_start_in_the_scope_is_not_reported()
    {
        using var enforcement = BlockingDetection.Enforce();
        Task outside;
        using (ExecutionContext.SuppressFlow())
        {
            outside = Task.Run(BlockOnPoolThreadAsync, Ct);
        }

        await outside.WaitAsync(Bound, Ct);

        Assert.Empty(enforcement.Reports);
    }

    [Fact]
    public async Task Continuation_slower_than_the_limit_fails_naming_its_method()
    {
        var clock = new FakeTimeProvider();
        var enforcement = BlockingDetection.Enforce(new BlockingDetectorOptions { SlowContinuationThreshold = TimeSpan.FromMilliseconds(100), TimeProvider = clock });

        await SlowStepAsync(clock, TimeSpan.FromMilliseconds(250)).WaitAsync(Bound, Ct);

        var ex = Assert.Throws<AsyncAssertionException>(enforcement.Dispose);
        Assert.Contains("Slow continuation in Warden.Testing.Tests.BlockingDetectionTests.SlowStepAsync ran 250 ms", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continuation_under_the_limit_passes()
    {
        var clock = new FakeTimeProvider();
        using (BlockingDetection.Enforce(new BlockingDetectorOptions { SlowContinuationThreshold = TimeSpan.FromMilliseconds(100), TimeProvider = clock }))
        {
            await SlowStepAsync(clock, TimeSpan.FromMilliseconds(40)).WaitAsync(Bound, Ct);
        }
    }

    internal static int BlockOn(Task<int> task, WaitStyle style)
    {
        switch (style)
        {
            case WaitStyle.Result:
                return task.Result;
            case WaitStyle.Wait:
                task.Wait();
                return task.Result;
            default:
                return task.GetAwaiter().GetResult();
        }
    }

    // A bounded wait on a task nobody completes: the wait certainly begins on an incomplete task, then times out.
    private static Task BlockOnPoolThreadAsync() =>
        Task.Run(() => TimedWait(new TaskCompletionSource().Task), TestContext.Current.CancellationToken).WaitAsync(Bound, TestContext.Current.CancellationToken);

    private static bool TimedWait(Task never) => never.Wait(TimeSpan.FromMilliseconds(20), CancellationToken.None);

    private static async Task SlowStepAsync(FakeTimeProvider clock, TimeSpan step)
    {
        await Task.Yield();

        // The continuation "takes" this long on the injected clock: deterministic, no real waiting.
        clock.Advance(step);
    }
}
