using System.Diagnostics;
using System.Numerics;

namespace Warden.Benchmarks;

/// <summary>
/// Catches a one-core run that is not one: BenchmarkDotNet's <c>--affinity</c> pins the benchmark process after it
/// has started, so the runtime may already have read two processors. Such a launch runs on one core while the thread
/// pool, spin-waits and <c>Environment.ProcessorCount</c> assume two (seen on this project's 2-core VM: the count was
/// 2 in one launch of an <c>--affinity 1</c> job and 1 in the others). Pin the whole run instead:
/// <c>taskset -c 0 dotnet ...</c>, whose child processes start pinned.
/// </summary>
internal static class ProcessorCheck
{
    /// <summary>Prints a warning into the benchmark log when the process may use fewer processors than the runtime believes.</summary>
    public static void WarnIfMisreported()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var usable = BitOperations.PopCount((ulong)process.ProcessorAffinity);
        if (usable < Environment.ProcessorCount)
        {
            Console.WriteLine($"// WARNING: pinned to {usable} processor(s) but Environment.ProcessorCount is {Environment.ProcessorCount}: this launch does not behave like a {usable}-processor machine (BenchmarkDotNet's --affinity pins a process after its runtime has started). Pin the whole run instead: taskset -c 0 dotnet ...");
        }
    }
}
