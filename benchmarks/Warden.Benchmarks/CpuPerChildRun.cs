using System.Diagnostics;
using System.Globalization;

namespace Warden.Benchmarks;

/// <summary>
/// A cross-check of the per-child benchmark that is less sensitive to a shared, overloaded machine: process CPU time
/// (not wall time) per asynchronous child, TaskGroup against Task.WhenAll, alternating rounds in one process.
/// </summary>
public static class CpuPerChildRun
{
    public static async Task<int> RunAsync(int children, int rounds, bool gated)
    {
        // Gated: every child awaits one gate that the round opens after spawning them all, so each child resumes,
        // completes and notifies its owner inline on the opening thread: the owner's own cost, without thread pool
        // scheduling and idle spinning in the figure.
        var gate = new TaskCompletionSource();
        Func<CancellationToken, Task> child = gated ? _ => Children.AwaitGateAsync(gate.Task) : Children.Async;
        Func<ITaskGroup, CancellationToken, Task> body = (group, _) =>
        {
            for (var i = 0; i < children; i++)
            {
                group.Spawn(child);
            }

            if (gated)
            {
                OpenGate(ref gate);
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

            var all = Task.WhenAll(tasks);
            if (gated)
            {
                OpenGate(ref gate);
            }

            await all;
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
        long whenAllBytes = 0;
        long groupBytes = 0;
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var startBytes = GC.GetTotalAllocatedBytes(precise: true);
            var start = process.TotalProcessorTime;
            for (var i = 0; i < repetitions; i++)
            {
                await WhenAllOnce();
            }

            process.Refresh();
            var middle = process.TotalProcessorTime;
            var middleBytes = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < repetitions; i++)
            {
                await TaskGroup.RunAsync(body);
            }

            process.Refresh();
            var end = process.TotalProcessorTime;
            whenAllBytes += middleBytes - startBytes;
            groupBytes += GC.GetTotalAllocatedBytes(precise: true) - middleBytes;
            var perChild = 1e6 / ((double)repetitions * children);
            var whenAll = (middle - start).TotalMilliseconds * perChild;
            var group = (end - middle).TotalMilliseconds * perChild;
            whenAllTotal += whenAll;
            groupTotal += group;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {children} | {round + 1} | {whenAll:F0} ns | {group:F0} ns | {group / whenAll:F2} |"));
        }

        var childrenRun = (double)repetitions * children * rounds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {children}{(gated ? " gated" : string.Empty)} | all | {whenAllTotal / rounds:F0} ns | {groupTotal / rounds:F0} ns | {groupTotal / whenAllTotal:F2} | {whenAllBytes / childrenRun:F0} B | {groupBytes / childrenRun:F0} B |"));
        return 0;
    }

    private static void OpenGate(ref TaskCompletionSource gate)
    {
        var open = gate;
        gate = new TaskCompletionSource();
        open.SetResult();
    }
}
