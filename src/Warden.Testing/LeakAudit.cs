using System.Text;
using Warden.Diagnostics;
using Warden.Testing.Leaks;

namespace Warden.Testing;

/// <summary>
/// Fails a test that leaves work running (goleak for .NET): <c>using var audit = LeakAudit.Start();</c> ... <c>audit.AssertNoLeaks();</c>.
/// Any TaskGroup, BackgroundTasks task, Offload or shutdown work registered with Warden's <see cref="WorkRegistry"/> after
/// <see cref="Start"/> and still running is a leak, named with where it started; with
/// <see cref="LeakAuditOptions.IncludePlainTasks"/> so is any plain task or async method started in the audited flow.
/// </summary>
/// <remarks>
/// Warden-tracked work is audited process-wide (the registry does not know which test started it): tests that run
/// Warden work in parallel with an audited test can show up in its report; run audited tests in one non-parallel
/// collection, or use <see cref="LeakAuditOptions.Ignore"/>. Plain tasks are attributed to the audited async flow.
/// </remarks>
public sealed class LeakAudit : IDisposable
{
    private readonly LeakAuditOptions _options;
    private readonly IDisposable _tracking;
    private readonly HashSet<long> _baseline;
    private readonly PlainTaskRecorder? _plainTasks;
    private bool _disposed;

    private LeakAudit(LeakAuditOptions options)
    {
        _options = options;
        _tracking = WorkRegistry.BeginTracking();
        _baseline = [.. WorkRegistry.Snapshot().Select(w => w.Id)];
        _plainTasks = options.IncludePlainTasks ? new PlainTaskRecorder() : null;
    }

    /// <summary>Starts auditing: work started from now on must be finished when <see cref="AssertNoLeaks"/> runs.</summary>
    /// <param name="options">What to audit; <see langword="null"/> for <see cref="LeakAuditOptions.Default"/>.</param>
    /// <returns>The audit; dispose it when done.</returns>
    public static LeakAudit Start(LeakAuditOptions? options = null) => new(options ?? LeakAuditOptions.Default);

    /// <summary>The work started since <see cref="Start"/> that is still running now (no waiting).</summary>
    /// <returns>The leaked work, Warden-tracked first.</returns>
    public IReadOnlyList<LeakedWork> FindLeaks()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var leaks = new List<LeakedWork>();
        foreach (var work in WorkRegistry.Snapshot())
        {
            if (!_baseline.Contains(work.Id) && _options.Ignore?.Invoke(work) != true)
            {
                leaks.Add(new LeakedWork(work.Kind.ToString(), work.Name, work.StartSite));
            }
        }

        if (_plainTasks is not null)
        {
            leaks.AddRange(_plainTasks.Live.Select(t => new LeakedWork("Task", t.Operation, t.StartSite)));
        }

        return leaks;
    }

    /// <summary>
    /// Stops recording, gives running work up to <see cref="LeakAuditOptions.Settle"/> to finish (polling its state),
    /// and fails if any is still running.
    /// </summary>
    /// <exception cref="AsyncAssertionException">Work is still running; the message names each piece and where it started.</exception>
    public void AssertNoLeaks()
    {
        _plainTasks?.StopRecording();
        SpinWait.SpinUntil(() => FindLeaks().Count == 0, _options.Settle);
        var leaks = FindLeaks();
        if (leaks.Count == 0)
        {
            return;
        }

        var message = new StringBuilder("Leak audit: ")
            .Append(leaks.Count)
            .Append(leaks.Count == 1 ? " piece of work was" : " pieces of work were")
            .Append(" still running ").Append(Eventually.Format(_options.Settle))
            .Append(" after the audited code ended. Await it, or cancel it and await its end, before the test returns:");
        foreach (var leak in leaks)
        {
            message.AppendLine().Append("  ").Append(leak);
        }

        throw new AsyncAssertionException(message.ToString());
    }

    /// <summary>Ends the audit without asserting.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _plainTasks?.Dispose();
        _tracking.Dispose();
    }
}
