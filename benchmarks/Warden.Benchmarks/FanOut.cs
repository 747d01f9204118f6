namespace Warden.Benchmarks;

/// <summary>
/// The bounded fan-out designs compared over the same items and work (one suspension per item), each writing
/// <c>results[i]</c>: Warden's worker pools against <c>Parallel.ForEachAsync</c> and the common
/// "SemaphoreSlim inside every task + WhenAll" idiom (which starts every task up front).
/// </summary>
public static class FanOut
{
    public static readonly string[] Modes = ["SelectAsync", "ForEachAsync", "ParallelForEachAsync", "SemaphoreInsideWhenAll"];

    public static async Task<int[]> RunAsync(string mode, int items, int limit)
    {
        switch (mode)
        {
            case "SelectAsync":
                return await TaskGroup.SelectAsync(Enumerable.Range(0, items), limit, static (i, _) => Children.WorkAsync(i));
            case "ForEachAsync":
            {
                var results = new int[items];
                await TaskGroup.ForEachAsync(Enumerable.Range(0, items), limit, async (i, _) => results[i] = await Children.WorkAsync(i));
                return results;
            }

            case "ParallelForEachAsync":
            {
                var results = new int[items];
                await Parallel.ForEachAsync(Enumerable.Range(0, items), new ParallelOptions { MaxDegreeOfParallelism = limit }, async (i, _) => results[i] = await Children.WorkAsync(i));
                return results;
            }

            case "SemaphoreInsideWhenAll":
            {
                var results = new int[items];
                using var gate = new SemaphoreSlim(limit);
                await Task.WhenAll(Enumerable.Range(0, items).Select(async i =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        results[i] = await Children.WorkAsync(i);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
                return results;
            }

            default:
                throw new ArgumentException($"Unknown fan-out mode '{mode}'; use one of: {string.Join(", ", Modes)}.", nameof(mode));
        }
    }
}
