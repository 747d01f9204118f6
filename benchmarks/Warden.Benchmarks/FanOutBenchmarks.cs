using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Warden.Benchmarks;

/// <summary>1,000,000 items at limit 100: time and allocations per design (peak memory: see <see cref="PeakMemoryRun"/>).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class FanOutBenchmarks
{
    private const int Items = 1_000_000;
    private const int Limit = 100;

    [Benchmark(Baseline = true)]
    public Task<int[]> ParallelForEachAsync() => FanOut.RunAsync("ParallelForEachAsync", Items, Limit);

    [Benchmark]
    public Task<int[]> SelectAsync() => FanOut.RunAsync("SelectAsync", Items, Limit);

    [Benchmark]
    public Task<int[]> ForEachAsync() => FanOut.RunAsync("ForEachAsync", Items, Limit);

    [Benchmark]
    public Task<int[]> SemaphoreInsideWhenAll() => FanOut.RunAsync("SemaphoreInsideWhenAll", Items, Limit);
}
