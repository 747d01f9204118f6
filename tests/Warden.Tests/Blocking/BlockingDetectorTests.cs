using Microsoft.Extensions.Time.Testing;
using Warden.Blocking;

namespace Warden.Tests.Blocking;

public sealed class BlockingDetectorTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sync_wait_on_a_pool_thread_is_reported_on_the_blocking_thread_with_its_caller()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reportedOn = -1;
        var blockedOn = -2;
        using var monitor = BlockingDetector.Start(onReport: _ =>
        {
            // Called inline just before the thread blocks: release the wait from here, no timing involved.
            reportedOn = Environment.CurrentManagedThreadId;
            gate.TrySetResult(1);
        });

        await Task.Run(
            () =>
            {
                blockedOn = Environment.CurrentManagedThreadId;
                return WaitForGate(gate.Task);
            },
            Ct).WaitAsync(Bound, Ct);

        var report = Assert.Single(monitor.Reports);
        Assert.Equal(BlockingKind.SyncWait, report.Kind);
        Assert.Equal("Warden.Tests.Blocking.BlockingDetectorTests.WaitForGate", report.CallSite);
        Assert.Equal(blockedOn, reportedOn);
        Assert.Equal(blockedOn, report.ManagedThreadId);
        Assert.Contains("BlockingDetectorTests.WaitForGate", report.Stack.ToString(), StringComparison.Ordinal);
        Assert.Null(report.Duration);
    }

    [Fact]
    public async Task Waits_on_a_dedicated_thread_are_reported_only_when_asked()
    {
        using (var poolOnly = BlockingDetector.Start())
        {
            await WaitOnDedicatedThreadAsync();
            Assert.Empty(poolOnly.Reports);
        }

        using var anyThread = BlockingDetector.Start(new BlockingDetectorOptions { PoolThreadsOnly = false });
        await WaitOnDedicatedThreadAsync();
        Assert.Equal("Warden.Tests.Blocking.BlockingDetectorTests.TimedWait", Assert.Single(anyThread.Reports).CallSite);
    }

    [Fact]
    public async Task Same_call_site_is_reported_once()
    {
        using var monitor = BlockingDetector.Start();

        for (var i = 0; i < 3; i++)
        {
            await Task.Run(() => TimedWait(new TaskCompletionSource().Task), Ct).WaitAsync(Bound, Ct);
        }

        Assert.Single(monitor.Reports);
    }

    [Fact]
    public async Task Nothing_is_reported_after_dispose()
    {
        var monitor = BlockingDetector.Start();
        monitor.Dispose();

        await Task.Run(() => TimedWait(new TaskCompletionSource().Task), Ct).WaitAsync(Bound, Ct);

        Assert.Empty(monitor.Reports);
    }

    [Fact]
    public async Task Allowed_namespace_prefix_drops_the_report()
    {
        using var monitor = BlockingDetector.Start(new BlockingDetectorOptions().Allow("Warden.Tests.Blocking"));

        await Task.Run(() => TimedWait(new TaskCompletionSource().Task), Ct).WaitAsync(Bound, Ct);

        Assert.Empty(monitor.Reports);
    }

    [Fact]
    public async Task Slow_continuation_is_reported_with_its_async_method_and_duration()
    {
        var clock = new FakeTimeProvider();
        using var monitor = BlockingDetector.Start(new BlockingDetectorOptions { TimeProvider = clock, SlowContinuationThreshold = TimeSpan.FromMilliseconds(50) });

        await ParseCatalogAsync(clock, TimeSpan.FromMilliseconds(120)).WaitAsync(Bound, Ct);

        var report = Assert.Single(monitor.Reports);
        Assert.Equal(BlockingKind.SlowContinuation, report.Kind);
        Assert.Equal("Warden.Tests.Blocking.BlockingDetectorTests.ParseCatalogAsync", report.CallSite);
        Assert.Equal(TimeSpan.FromMilliseconds(120), report.Duration);
        Assert.StartsWith("Slow continuation in Warden.Tests.Blocking.BlockingDetectorTests.ParseCatalogAsync ran 120 ms", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_continuation_detection_can_be_turned_off()
    {
        var clock = new FakeTimeProvider();
        using var monitor = BlockingDetector.Start(new BlockingDetectorOptions { TimeProvider = clock, SlowContinuationThreshold = null });

        await ParseCatalogAsync(clock, TimeSpan.FromSeconds(5)).WaitAsync(Bound, Ct);

        Assert.Empty(monitor.Reports);
    }

    [Fact]
    public void Non_positive_threshold_is_rejected_with_the_fix()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BlockingDetector.Start(new BlockingDetectorOptions { SlowContinuationThreshold = TimeSpan.Zero }));

        Assert.Contains("must be positive, or null to turn slow-continuation detection off", ex.Message, StringComparison.Ordinal);
    }

    private static int WaitForGate(Task<int> gate) => gate.Result;

    // A bounded wait on a task nobody completes: the wait certainly begins on an incomplete task, then times out.
    private static bool TimedWait(Task never) => never.Wait(TimeSpan.FromMilliseconds(20), CancellationToken.None);

    private static async Task WaitOnDedicatedThreadAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            TimedWait(new TaskCompletionSource().Task);
            done.SetResult();
        });
        thread.Start();
        await done.Task.WaitAsync(Bound, Ct);
    }

    private static async Task ParseCatalogAsync(FakeTimeProvider clock, TimeSpan cpuWork)
    {
        await Task.Yield();

        // Stands for CPU work after the await; the injected clock makes its duration exact.
        clock.Advance(cpuWork);
    }
}
