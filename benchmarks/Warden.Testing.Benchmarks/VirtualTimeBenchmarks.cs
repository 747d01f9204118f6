using BenchmarkDotNet.Attributes;

namespace Warden.Testing.Benchmarks;

/// <summary>
/// What virtual time costs on the deterministic loop: an hour of one-second <c>Task.Delay(..., ctx.Time)</c> against
/// the same number of <c>Task.Yield()</c> steps on the same loop (no timers).
/// </summary>
[MemoryDiagnoser]
public class VirtualTimeBenchmarks
{
    private const int Steps = 3_600;

    [Benchmark(Baseline = true)]
    public void YieldSteps() => AsyncTest.Run(static async _ =>
    {
        for (var i = 0; i < Steps; i++)
        {
            await Task.Yield();
        }
    });

    [Benchmark]
    public void VirtualHourOfDelays() => AsyncTest.Run(static async ctx =>
    {
        for (var i = 0; i < Steps; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ctx.Time, ctx.Token);
        }
    });
}
