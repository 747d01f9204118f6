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
    public async Task Allow_listed_call_site_passes()
    {
        var options = new BlockingDetectorOptions().Allow("Warden.Testing.Tests.BlockingDetectionTests.BlockOn");
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

    private static async Task BlockOnPoolThreadAsync()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocked = Task.Run(() => BlockOn(gate.Task, WaitStyle.Result));

        // Release the waiter once it is really blocked (the thread is inside Wait), never by sleeping.
        await Eventually.UntilAsync(() => blocked.Status == TaskStatus.Running, Bound, "the pool thread should be running", TestContext.Current.CancellationToken);
        gate.SetResult(1);
        await blocked.WaitAsync(Bound, TestContext.Current.CancellationToken);
    }

    private static async Task SlowStepAsync(FakeTimeProvider clock, TimeSpan step)
    {
        await Task.Yield();

        // The continuation "takes" this long on the injected clock: deterministic, no real waiting.
        clock.Advance(step);
    }
}
