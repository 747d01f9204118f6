namespace Warden.Blocking;

/// <summary>
/// Watches the async flow that opened it (everything started from it: awaits, <c>Task.Run</c>, timers) for synchronous
/// waits on pool threads and slow continuations, until disposed. Open one with <see cref="BlockingDetector.Start"/>.
/// </summary>
public sealed class BlockingMonitor : IDisposable
{
    private const int MaxReports = 100;
    private readonly Lock _gate = new();
    private readonly List<BlockingReport> _reports = [];
    private readonly HashSet<(BlockingKind, string)> _seen = [];
    private readonly Action<BlockingReport>? _onReport;
    private readonly BlockingMonitor? _previous;
    private readonly IDisposable _events;
    private int _disposed;

    internal BlockingMonitor(BlockingDetectorOptions options, Action<BlockingReport>? onReport)
    {
        Options = options;
        _onReport = onReport;
        _previous = FlowMonitoring.Current;
        _events = BlockingEventRouter.Subscribe(options.SlowContinuationThreshold is not null);
        FlowMonitoring.Enter(this);
    }

    /// <summary>The options this monitor was opened with.</summary>
    public BlockingDetectorOptions Options { get; }

    /// <summary>Distinct reports so far (one per kind and call site, at most 100), in the order they happened.</summary>
    public IReadOnlyList<BlockingReport> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    internal bool IsActive => Volatile.Read(ref _disposed) == 0;

    /// <summary>Stops monitoring; reports already collected stay readable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (ReferenceEquals(FlowMonitoring.Current, this))
        {
            FlowMonitoring.Restore(_previous);
        }

        _events.Dispose();
    }

    internal void Add(BlockingReport report)
    {
        if (CallSiteNames.IsAllowed(report.Stack, Options.Allowed, report.CallSite))
        {
            return;
        }

        lock (_gate)
        {
            if (_reports.Count >= MaxReports || !_seen.Add((report.Kind, report.CallSite)))
            {
                return;
            }

            _reports.Add(report);
        }

        _onReport?.Invoke(report);
    }
}
