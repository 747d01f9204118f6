namespace Warden.Benchmarks;

/// <summary>The child bodies every benchmark uses, so TaskGroup and its baselines run identical work.</summary>
public static class Children
{
    /// <summary>A child that completes synchronously (cached completed task, no allocation).</summary>
    public static readonly Func<CancellationToken, Task> Sync = static _ => Task.CompletedTask;

    /// <summary>A child that suspends once and resumes on the thread pool.</summary>
    public static readonly Func<CancellationToken, Task> Async = static _ => YieldOnceAsync();

    /// <summary>Suspends until <paramref name="gate"/> completes, then completes itself (inline on the opening thread).</summary>
    /// <param name="gate">The task to await.</param>
    /// <returns>The child's task.</returns>
    public static async Task AwaitGateAsync(Task gate) => await gate;

    /// <summary>One trivial suspension, like the research note's measurements.</summary>
    public static async Task YieldOnceAsync() => await Task.Yield();

    /// <summary>One trivial suspension per item, returning the item.</summary>
    public static async ValueTask<int> WorkAsync(int item)
    {
        await Task.Yield();
        return item;
    }
}
