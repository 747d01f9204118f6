using System.Collections.Concurrent;
using HdrHistogram;

namespace Warden.Bench.Engine;

/// <summary>
/// Collects one repetition's answers from many concurrent workers: latencies into an HdrHistogram
/// <see cref="Recorder"/> (wait-free for writers, read in intervals for the live view), failures by kind.
/// Requests that started before the measurement window (warm-up) are ignored.
/// </summary>
internal sealed class LatencyRecorder
{
    /// <summary>The largest latency recorded, in microseconds (one hour); longer ones are clamped.</summary>
    public const long MaxMicros = 3_600_000_000;

    private readonly Recorder _recorder = new(1, MaxMicros, 3, static (id, low, high, digits) => new LongHistogram(id, low, high, digits));
    private readonly LongHistogram _total = new(1, MaxMicros, 3);
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Lock _readLock = new();
    private readonly TimeProvider _time;
    private readonly long _measureStart;
    private long _successes;
    private long _errorCount;
    private long _sent;
    private long _answered;

    public LatencyRecorder(TimeProvider time, long measureStart)
    {
        _time = time;
        _measureStart = measureStart;
    }

    /// <summary>Failures so far.</summary>
    public long ErrorCount => Interlocked.Read(ref _errorCount);

    /// <summary>Requests started inside the window so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Successes inside the window so far.</summary>
    public long Successes => Interlocked.Read(ref _successes);

    /// <summary>Successful answers including warm-up, for the live view's rate.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Failures by kind.</summary>
    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    /// <summary>True when a request that starts (or was meant to start) at <paramref name="start"/> is measured.</summary>
    public bool IsMeasured(long start) => start >= _measureStart;

    /// <summary>Counts a request as sent inside the window.</summary>
    public void CountSent(long start)
    {
        if (IsMeasured(start))
        {
            Interlocked.Increment(ref _sent);
        }
    }

    /// <summary>Records an answer to a request that started at <paramref name="start"/> and ended at <paramref name="end"/>.</summary>
    public void Complete(long start, long end, RequestOutcome outcome)
    {
        if (outcome.IsSuccess)
        {
            Interlocked.Increment(ref _answered);
        }

        if (!IsMeasured(start))
        {
            return;
        }

        if (outcome.IsSuccess)
        {
            var micros = (long)_time.GetElapsedTime(start, end).TotalMicroseconds;
            _recorder.RecordValue(Math.Clamp(micros, 1, MaxMicros));
            Interlocked.Increment(ref _successes);
        }
        else
        {
            _errors.AddOrUpdate(outcome.ErrorKind!, 1, static (_, count) => count + 1);
            Interlocked.Increment(ref _errorCount);
        }
    }

    /// <summary>Counts requests given up on (still running far past their timeout) as failures of kind <c>abandoned</c>.</summary>
    public void Abandon(long count)
    {
        if (count > 0)
        {
            _errors.AddOrUpdate(ErrorKinds.Abandoned, count, (_, existing) => existing + count);
            Interlocked.Add(ref _errorCount, count);
        }
    }

    /// <summary>Moves what was recorded since the last call into the total and returns that interval.</summary>
    public HistogramBase TakeInterval()
    {
        lock (_readLock)
        {
            var interval = _recorder.GetIntervalHistogram();
            _total.Add(interval);
            return interval;
        }
    }

    /// <summary>Everything recorded; call after the last request finished.</summary>
    public LongHistogram Total()
    {
        TakeInterval();
        lock (_readLock)
        {
            return (LongHistogram)_total.Copy();
        }
    }
}
