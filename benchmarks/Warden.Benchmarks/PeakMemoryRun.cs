using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Warden.Benchmarks;

/// <summary>
/// Peak memory of one fan-out design, measured in a fresh process per design (peaks are per process): the process's
/// peak working set, and the largest managed heap seen by a sampler on a dedicated thread every millisecond.
/// </summary>
public static class PeakMemoryRun
{
    private const int Items = 1_000_000;
    private const int Limit = 100;

    public static async Task<int> RunOneAsync(string mode)
    {
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        process.Refresh();
        var baselineWorkingSet = process.WorkingSet64;
        long peakHeap = 0;
        var sampling = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref sampling))
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Name = "peak-heap-sampler" };
        sampler.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var results = await FanOut.RunAsync(mode, Items, Limit);
        watch.Stop();
        Volatile.Write(ref sampling, false);
        sampler.Join();
        process.Refresh();
        if (results.Length != Items || results[^1] != Items - 1)
        {
            Console.Error.WriteLine($"{mode}: wrong results");
            return 1;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {mode} | {watch.Elapsed.TotalMilliseconds:F0} ms | {Mib(process.PeakWorkingSet64):F1} MiB | {Mib(baselineWorkingSet):F1} MiB | {Mib(peakHeap):F1} MiB | {Mib(allocated):F1} MiB | {(double)allocated / Items:F0} B |"));
        return 0;
    }

    public static async Task<int> RunAllAsync(string outputPath)
    {
        var report = new StringBuilder();
        report.AppendLine("| design | wall | peak working set | working set before | peak managed heap (sampled) | allocated | allocated/item |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var mode in FanOut.Modes)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(typeof(PeakMemoryRun).Assembly.Location);
            }

            start.ArgumentList.Add("peak");
            start.ArgumentList.Add(mode);
            using var child = Process.Start(start)!;
            var line = (await child.StandardOutput.ReadToEndAsync()).Trim();
            await child.WaitForExitAsync();
            if (child.ExitCode != 0)
            {
                Console.Error.WriteLine($"{mode} failed with exit code {child.ExitCode}");
                return 1;
            }

            Console.WriteLine(line);
            report.AppendLine(line);
        }

        await File.WriteAllTextAsync(outputPath, report.ToString());
        return 0;
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
