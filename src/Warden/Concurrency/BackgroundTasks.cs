using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warden.Diagnostics;

namespace Warden;

/// <summary>
/// A long-lived owner for work that may outlive the request that started it (a singleton in DI): the
/// playbook's "store it in a set and await the set during cleanup". Every task is named, the number of
/// live tasks is capped, every failure surfaces (the <see cref="Faulted"/> event, an error log with the
/// task's name and start site, and the <c>warden.background_tasks.faults</c> counter), and
/// <see cref="DrainAsync"/> waits for the work, then cancels what is left.
/// </summary>
public sealed class BackgroundTasks : IAsyncDisposable
{
    private readonly BackgroundTasksOptions _options;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _ownerTag;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly Queue<BackgroundWorkItem> _queued = new();
    private int _running;
    private bool _draining;
    private long _faultCount;
    private TaskCompletionSource? _idle;

    /// <summary>Creates an owner.</summary>
    /// <param name="options">Cap, full-mode, clock and name; <see langword="null"/> for the defaults.</param>
    /// <param name="logger">Where failures are logged; <see langword="null"/> logs nothing (the event and counter still fire).</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public BackgroundTasks(BackgroundTasksOptions? options = null, ILogger<BackgroundTasks>? logger = null)
    {
        _options = options ?? new BackgroundTasksOptions();
        _options.Validate();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _ownerTag = new KeyValuePair<string, object?>(ConcurrencyInstruments.OwnerTag, _options.Name);
    }

    /// <summary>Raised once for every task that ends with a failure (after it was logged and counted).</summary>
    /// <remarks>Handlers run on the thread that completed the task; an exception from a handler is logged, not rethrown.</remarks>
    public event EventHandler<BackgroundTaskFaultedEventArgs>? Faulted;

    /// <summary>The number of tasks running or queued now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _running + _queued.Count;
            }
        }
    }

    /// <summary>How many tasks have failed since this owner was created.</summary>
    public long FaultCount => Interlocked.Read(ref _faultCount);

    /// <summary>Whether <see cref="DrainAsync"/> or <see cref="DisposeAsync"/> has started; no new work is accepted.</summary>
    public bool IsDraining
    {
        get
        {
            lock (_lock)
            {
                return _draining;
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="work"/> on the thread pool, owned by this registry. The work receives a token that
    /// is cancelled when a drain's grace runs out.
    /// </summary>
    /// <param name="name">The task's name, shown in logs, metrics and <c>warden monitor</c>.</param>
    /// <param name="work">The work.</param>
    /// <param name="callerMember">Filled in by the compiler: the start site's member.</param>
    /// <param name="callerFile">Filled in by the compiler: the start site's file.</param>
    /// <param name="callerLine">Filled in by the compiler: the start site's line.</param>
    /// <returns>
    /// <see langword="true"/> if the work was started or queued; <see langword="false"/> once draining, or when the
    /// cap is reached (and the queue, if any, is full). Never throws for those conditions.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="work"/> is null (a programming error).</exception>
    public bool TryStart(
        string name,
        Func<CancellationToken, Task> work,
        [CallerMemberName] string callerMember = "",
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(work);

        // The start site is always kept: every fault log must say where the work came from.
        var item = new BackgroundWorkItem(name, WorkRegistry.FormatStartSite(callerMember, callerFile, callerLine), work);
        string? refusal = null;
        var start = false;
        lock (_lock)
        {
            if (_draining)
            {
                refusal = "the owner is draining";
            }
            else if (_running < _options.MaxRunning)
            {
                _running++;
                start = true;
            }
            else if (_options.WhenFull == BackgroundTasksFullMode.Queue && _queued.Count < _options.MaxQueued)
            {
                _queued.Enqueue(item);
            }
            else
            {
                refusal = _options.WhenFull == BackgroundTasksFullMode.Queue ? "the queue is full" : "the running-task cap is reached";
            }
        }

        if (refusal is not null)
        {
            ConcurrencyInstruments.BackgroundTasksRejected.Add(1, _ownerTag);
            BackgroundTasksLog.TaskRejected(_logger, name, _options.Name, item.StartSite, refusal);
            return false;
        }

        if (start)
        {
            Launch(item);
        }

        return true;
    }

    /// <summary>
    /// Stops accepting work, waits up to <paramref name="grace"/> for running and queued work to finish, then
    /// cancels the token of what still runs, drops what never started (logged and counted), and waits for the
    /// cancelled work to end.
    /// </summary>
    /// <param name="grace">How long work may finish on its own (zero cancels at once).</param>
    /// <param name="cancellationToken">Stops waiting (the work keeps its own cancellation).</param>
    /// <returns>A task that completes when no work is left.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task DrainAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        Task idle;
        lock (_lock)
        {
            _draining = true;
            if (_running == 0 && _queued.Count == 0)
            {
                return;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }

        if (grace > TimeSpan.Zero)
        {
            try
            {
                await idle.WaitAsync(grace, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TimeoutException)
            {
                // The grace ran out: fall through and cancel what is left.
            }
        }

        BackgroundWorkItem[] dropped;
        int running;
        lock (_lock)
        {
            dropped = [.. _queued];
            _queued.Clear();
            running = _running;
            if (running == 0)
            {
                _idle?.TrySetResult();
            }
        }

        foreach (var item in dropped)
        {
            ConcurrencyInstruments.BackgroundTasksDropped.Add(1, _ownerTag);
            BackgroundTasksLog.TaskDropped(_logger, item.Name, _options.Name, item.StartSite);
        }

        if (running > 0)
        {
            BackgroundTasksLog.DrainCancelling(_logger, _options.Name, running, grace);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await idle.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drains with <see cref="BackgroundTasksOptions.DisposeGrace"/> and releases the cancellation source. Never throws.</summary>
    /// <returns>A task that completes when no work is left.</returns>
    public async ValueTask DisposeAsync()
    {
        await DrainAsync(_options.DisposeGrace).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Launch(BackgroundWorkItem item)
    {
        // Owned, not forgotten: RunAsync never throws, and the running count it holds is what DrainAsync awaits.
#pragma warning disable WD301 // This class is the owner: RunAsync never throws, and DrainAsync awaits the running count it holds.
        _ = RunAsync(item);
#pragma warning restore WD301
    }

    private async Task RunAsync(BackgroundWorkItem item)
    {
        var handle = WorkRegistry.Register(TrackedWorkKind.BackgroundTask, item.Name, item.StartSite);
        var nameTag = new KeyValuePair<string, object?>(ConcurrencyInstruments.TaskNameTag, item.Name);
        ConcurrencyInstruments.BackgroundTasksActive.Add(1, _ownerTag);
        var token = _stopping.Token;
        Task task;
        try
        {
            // Queued on the pool so the caller of TryStart never runs the work on its own stack.
            task = Task.Run(() => item.Work(token), CancellationToken.None);
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception ex) when (ex is not null)
        {
            task = Task.FromException(ex);
        }

        var failure = FailureOf(task, token);
        ConcurrencyInstruments.BackgroundTasksActive.Add(-1, _ownerTag);
        handle.Dispose();
        if (failure is not null)
        {
            ReportFault(item, failure, nameTag);
        }

        Finish();
    }

    private static Exception? FailureOf(Task task, CancellationToken stoppingToken)
    {
        if (task.IsCompletedSuccessfully)
        {
            return null;
        }

        if (task.IsFaulted)
        {
            var inner = task.Exception!.InnerExceptions;
            return inner.Count == 1 ? inner[0] : task.Exception;
        }

        // Cancelled: benign only when our own drain cancelled it; an HttpClient timeout or a stray token is a failure.
        try
        {
            task.GetAwaiter().GetResult();
            return null;
        }
        catch (OperationCanceledException oce)
        {
            var benign = stoppingToken.IsCancellationRequested && oce.CancellationToken == stoppingToken;
            return benign ? null : oce;
        }
    }

    private void ReportFault(BackgroundWorkItem item, Exception failure, KeyValuePair<string, object?> nameTag)
    {
        Interlocked.Increment(ref _faultCount);
        ConcurrencyInstruments.BackgroundTaskFaults.Add(1, _ownerTag, nameTag);
        BackgroundTasksLog.TaskFaulted(_logger, failure, item.Name, _options.Name, item.StartSite);
        var handlers = Faulted;
        if (handlers is null)
        {
            return;
        }

        var args = new BackgroundTaskFaultedEventArgs(item.Name, item.StartSite, failure);
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<BackgroundTaskFaultedEventArgs>>())
        {
            try
            {
                handler(this, args);
            }
#pragma warning disable CA1031 // A failing handler must not hide the next handler or kill the completion path; it is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                BackgroundTasksLog.FaultHandlerFailed(_logger, ex, _options.Name, item.Name);
            }
        }
    }

    private void Finish()
    {
        BackgroundWorkItem? next = null;
        lock (_lock)
        {
            if (_queued.Count > 0)
            {
                next = _queued.Dequeue();
            }
            else
            {
                _running--;
                if (_running == 0 && _draining)
                {
                    _idle?.TrySetResult();
                }
            }
        }

        // The slot passes straight to the next queued item, so the cap holds without a second lock round.
        if (next is not null)
        {
            Launch(next);
        }
    }
}
