using System.Diagnostics;
using System.Globalization;

namespace Warden.Benchmarks;

/// <summary>
/// A cross-check of the per-child benchmark that is less sensitive to a shared, overloaded machine: process CPU time
/// (not wall time) per asynchronous child, TaskGroup against Task.WhenAll, alternating rounds in one process.
/// </summary>
public static class CpuPerChildRun
{
    public static async Task<int> RunAsync(int children, int rounds)
    {
        Func<CancellationToken, Task> child = Children.Async;
        Func<ITaskGroup, CancellationToken, Task> body = (group, _) =>
        {
            for (var i = 0; i < children; i++)
            {
                group.Spawn(child);
            }

            return Task.CompletedTask;
        };
        async Task WhenAllOnce()
        {
            var tasks = new Task[children];
            for (var i = 0; i < children; i++)
            {
                tasks[i] = child(CancellationToken.None);
            }

            await Task.WhenAll(tasks);
        }

        var repetitions = Math.Max(1, 200_000 / children);
        for (var i = 0; i < repetitions / 4; i++)
        {
            await WhenAllOnce();
            await TaskGroup.RunAsync(body);
        }

        using var process = Process.GetCurrentProcess();
        double whenAllTotal = 0;
        double groupTotal = 0;
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            for (var i = 0; i < repetitions; i++)
            {
                await WhenAllOnce();
            }

            process.Refresh();
            var middle = process.TotalProcessorTime;
            for (var i = 0; i < repetitions; i++)
            {
                await TaskGroup.RunAsync(body);
            }

            process.Refresh();
            var end = process.TotalProcessorTime;
            var perChild = 1e6 / ((double)repetitions * children);
            var whenAll = (middle - start).TotalMilliseconds * perChild;
            var group = (end - middle).TotalMilliseconds * perChild;
            whenAllTotal += whenAll;
            groupTotal += group;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {children} | {round + 1} | {whenAll:F0} ns | {group:F0} ns | {group / whenAll:F2} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {children} | all | {whenAllTotal / rounds:F0} ns | {groupTotal / rounds:F0} ns | {groupTotal / whenAllTotal:F2} |"));
        return 0;
    }
}
