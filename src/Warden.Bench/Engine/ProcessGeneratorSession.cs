using System.Diagnostics;
using HdrHistogram;

namespace Warden.Bench.Engine;

/// <summary>One watch of this process by <see cref="ProcessGeneratorProbe"/>.</summary>
internal sealed class ProcessGeneratorSession : IGeneratorSession
{
    private const long MaxLagMicros = 600_000_000; // 10 minutes
    private readonly LongHistogram _lagMicros = new(MaxLagMicros, 3);
    private readonly Lock _lagLock = new();
    private readonly long _startWall = Stopwatch.GetTimestamp();
    private readonly TimeSpan _startCpu;
    private readonly (long Busy, long Total)? _startMachine = MachineCpuReader.Read();
    private readonly Timer _timer;

    public ProcessGeneratorSession(TimeSpan interval)
    {
        using var process = Process.GetCurrentProcess();
        _startCpu = process.TotalProcessorTime;
        _timer = new Timer(_ => QueueProbe(), null, interval, interval);
    }

    public GeneratorSample Finish()
    {
        _timer.Dispose();
        var wall = Stopwatch.GetElapsedTime(_startWall);
        using var process = Process.GetCurrentProcess();
        var cpu = (process.TotalProcessorTime - _startCpu).TotalSeconds / Math.Max(wall.TotalSeconds, 1e-9) / Environment.ProcessorCount;
        double? machine = null;
        if (_startMachine is { } start && MachineCpuReader.Read() is { } end && end.Total > start.Total)
        {
            machine = (double)(end.Busy - start.Busy) / (end.Total - start.Total);
        }

        lock (_lagLock)
        {
            var p99 = _lagMicros.TotalCount == 0 ? 0 : _lagMicros.GetValueAtPercentile(99) / 1000.0;
            var max = _lagMicros.TotalCount == 0 ? 0 : _lagMicros.GetMaxValue() / 1000.0;
            return new GeneratorSample(Math.Clamp(cpu, 0, 1), machine, p99, max);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void QueueProbe()
    {
        var queued = Stopwatch.GetTimestamp();
        ThreadPool.UnsafeQueueUserWorkItem(
            static state =>
            {
                var (session, queuedAt) = state;
                var micros = (long)Stopwatch.GetElapsedTime(queuedAt).TotalMicroseconds;
                lock (session._lagLock)
                {
                    session._lagMicros.RecordValue(Math.Clamp(micros, 0, MaxLagMicros));
                }
            },
            (this, queued),
            preferLocal: false);
    }
}
