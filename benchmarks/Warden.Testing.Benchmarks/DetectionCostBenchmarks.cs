using BenchmarkDotNet.Attributes;

namespace Warden.Testing.Benchmarks;

/// <summary>
/// What the kit's TPL-based tools cost the code under test: 1,000 awaits of <c>Task.Run(() => 1)</c> (the research
/// note's workload) with nothing open, inside a BlockingDetection scope (with and without slow-continuation timing), and inside a plain-task leak audit.
/// </summary>
[MemoryDiagnoser]
public class DetectionCostBenchmarks
{
    private const int Awaits = 1_000;

    [Benchmark(Baseline = true)]
    public Task NoDetection() => AwaitLoopAsync();

    [Benchmark]
    public async Task InsideBlockingDetection()
    {
        using var enforcement = BlockingDetection.Enforce();
        await AwaitLoopAsync();
    }

    [Benchmark]
    public async Task InsideBlockingDetectionWaitsOnly()
    {
        using var enforcement = BlockingDetection.Enforce(new Blocking.BlockingDetectorOptions { SlowContinuationThreshold = null });
        await AwaitLoopAsync();
    }

    [Benchmark]
    public async Task InsidePlainTaskLeakAudit()
    {
        using var audit = LeakAudit.Start(new LeakAuditOptions { IncludePlainTasks = true, Settle = TimeSpan.Zero });
        await AwaitLoopAsync();
        audit.AssertNoLeaks();
    }

    private static async Task AwaitLoopAsync()
    {
        for (var i = 0; i < Awaits; i++)
        {
            await Task.Run(static () => 1);
        }
    }
}
