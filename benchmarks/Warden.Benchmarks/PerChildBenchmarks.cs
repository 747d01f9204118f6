using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Warden.Diagnostics;

namespace Warden.Benchmarks;

/// <summary>
/// TaskGroup against the baseline <c>Task.WhenAll</c> over the same children: N children that complete synchronously
/// or after one suspension. Budget: within 1.25x of WhenAll time per child, at most one extra allocation per child.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class PerChildBenchmarks
{
    private Func<ITaskGroup, CancellationToken, Task> _spawnSync = null!;
    private Func<ITaskGroup, CancellationToken, Task> _spawnAsync = null!;

    /// <summary>Children per group.</summary>
    [Params(1, 10, 100, 1000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        ProcessorCheck.WarnIfMisreported();
        var count = Children;
        _spawnSync = (group, _) => SpawnAll(group, count, Benchmarks.Children.Sync);
        _spawnAsync = (group, _) => SpawnAll(group, count, Benchmarks.Children.Async);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("sync")]
    public Task WhenAllSyncChildren() => WhenAll(Benchmarks.Children.Sync);

    [Benchmark]
    [BenchmarkCategory("sync")]
    public Task TaskGroupSyncChildren() => TaskGroup.RunAsync(_spawnSync);

    /// <summary>
    /// Not a contender: a lower bound for any task group. It does only what every group must: make the token source its
    /// children observe (so a failure or <c>Cancel</c> can stop them), count itself in the work registry (the one cost
    /// the issue allows when nobody reads the registry), call each child with the token and look at the task it
    /// returns. It records no failure, keeps no count of children and runs no body. Where this row is over budget, no
    /// group can be within it.
    /// </summary>
    /// <returns>A completed task, as every child completed synchronously.</returns>
    [Benchmark]
    [BenchmarkCategory("sync")]
    public Task FloorSyncChildren()
    {
        using var source = new CancellationTokenSource();
        using var registration = WorkRegistry.Register(TrackedWorkKind.TaskGroup, "floor");
        var failed = false;
        for (var i = 0; i < Children; i++)
        {
            failed |= !Benchmarks.Children.Sync(source.Token).IsCompletedSuccessfully;
        }

        return failed ? Task.FromException(new InvalidOperationException("A synchronous child failed.")) : Task.CompletedTask;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("async")]
    public Task WhenAllAsyncChildren() => WhenAll(Benchmarks.Children.Async);

    [Benchmark]
    [BenchmarkCategory("async")]
    public Task TaskGroupAsyncChildren() => TaskGroup.RunAsync(_spawnAsync);

    /// <summary>
    /// Not a contender: the floor for any owner that hears of each child as it completes through public APIs (one
    /// shared continuation per child that only counts down; see <see cref="ChildCountdown"/>).
    /// </summary>
    /// <returns>Completes when every child has.</returns>
    [Benchmark]
    [BenchmarkCategory("async")]
    public Task CountdownAsyncChildren()
    {
        var countdown = new ChildCountdown(Children);
        for (var i = 0; i < Children; i++)
        {
            countdown.Watch(Benchmarks.Children.Async(CancellationToken.None));
        }

        return countdown.Task;
    }

    private static Task SpawnAll(ITaskGroup group, int count, Func<CancellationToken, Task> child)
    {
        for (var i = 0; i < count; i++)
        {
            group.Spawn(child);
        }

        return Task.CompletedTask;
    }

    private Task WhenAll(Func<CancellationToken, Task> child)
    {
        var tasks = new Task[Children];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = child(CancellationToken.None);
        }

        return Task.WhenAll(tasks);
    }
}
