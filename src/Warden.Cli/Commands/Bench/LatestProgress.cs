using Warden.Bench;

namespace Warden.Cli.Commands.Bench;

/// <summary>Keeps the most recent progress snapshot for the live view; reporting never blocks the engine.</summary>
internal sealed class LatestProgress : IProgress<BenchProgress>
{
    private BenchProgress? _latest;

    public BenchProgress? Latest => Volatile.Read(ref _latest);

    public void Report(BenchProgress value) => Volatile.Write(ref _latest, value);
}
