using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Warden.Benchmarks;

// `peak MODE` measures one fan-out design in this process; `peak-all FILE` runs every design in its own process;
// `cpu-per-child N ROUNDS [yield|gated]` compares CPU time per async child (TaskGroup vs WhenAll): children resume on
// the thread pool (`yield`, the default) or all at once on one thread when a gate opens (`gated`, no pool noise);
// `wall-per-child N ROUNDS [threads|inline]` compares wall time per async child, min and median of alternating rounds
// (see WallPerChildRun).
// Anything else goes to BenchmarkDotNet, with a short job so runs on a shared 2-core box finish in minutes.
if (args is ["peak", var mode])
{
    return await PeakMemoryRun.RunOneAsync(mode);
}

if (args is ["cpu-per-child", var children, var rounds, ..] && args.Length <= 4)
{
    var gated = args.Length == 4 && args[3] == "gated";
    return await CpuPerChildRun.RunAsync(int.Parse(children, CultureInfo.InvariantCulture), int.Parse(rounds, CultureInfo.InvariantCulture), gated);
}

if (args is ["wall-per-child", var count, var times, ..] && args.Length <= 4)
{
    var inline = args.Length == 4 && args[3] == "inline";
    return WallPerChildRun.Run(int.Parse(count, CultureInfo.InvariantCulture), int.Parse(times, CultureInfo.InvariantCulture), inline);
}

if (args is ["peak-all", var output])
{
    return await PeakMemoryRun.RunAllAsync(output);
}

var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithLaunchCount(1).AsDefault())
    .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "warden-benchmarks"));
BenchmarkSwitcher.FromAssembly(typeof(PerChildBenchmarks).Assembly).Run(args, config);
return 0;
