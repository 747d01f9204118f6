using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Warden.Diagnostics;

namespace Warden;

/// <summary>
/// Runs the playbook's graceful shutdown, in order, each step bounded and logged with its start, duration
/// and outcome: (1) trap the signal, (2) stop accepting new work, (3) a grace period for in-flight work,
/// (4) cancel what remains and wait, bounded, (5) close registered resources in reverse order, each bounded.
/// A final <see cref="ShutdownReport"/> says what drained, what was cancelled, what was closed and what did
/// not finish in time.
/// </summary>
/// <remarks>
/// In a console app: <c>var report = await shutdown.WaitAndRunAsync(); return report.ExitCode;</c>. In the
/// Generic Host and ASP.NET Core, <c>Warden.Hosting</c>'s <c>AddWardenShutdown</c> wires it to the host.
/// Time is read from the injected <see cref="TimeProvider"/> only.
/// </remarks>
public sealed class ShutdownCoordinator : IAsyncDisposable
{
    private readonly ShutdownOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _cancelling = new();
    private readonly CancellationTokenSource _stepsOver = new();
    private readonly TaskCompletionSource<PosixSignal> _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly HashSet<ShutdownWork> _work = [];
    private readonly List<(string Name, Func<CancellationToken, Task> Stop)> _stopAccepting = [];
    private readonly List<(string Name, Func<TimeSpan, CancellationToken, Task> Drain)> _drains = [];
    private readonly List<(string Name, IAsyncDisposable Resource)> _resources = [];
    private readonly List<Task> _drainTasks = [];
    private readonly List<ShutdownStepResult> _steps = [];
    private readonly List<string> _drained = [];
    private readonly List<string> _cancelled = [];
    private readonly List<string> _closed = [];
    private readonly List<string> _notFinished = [];
    private PosixSignalRegistration[]? _registrations;
    private TaskCompletionSource? _idle;
    private ShutdownStep? _phase;
    private PosixSignal? _signal;
    private long _requestedTimestamp;
    private string _reason = string.Empty;
    private Task? _untilClose;
    private Task<ShutdownReport>? _run;
    private ITimer? _watchdog;
    private bool _disposed;

    /// <summary>Creates a coordinator; nothing happens until a signal arrives or a run is requested.</summary>
    /// <param name="options">Timeouts and exit codes; validated here and copied.</param>
    /// <param name="logger">Where steps and the report are logged; <see langword="null"/> logs nothing.</param>
    /// <param name="time">The clock for every timeout; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The steps do not fit the budget; the message shows the arithmetic.</exception>
    public ShutdownCoordinator(ShutdownOptions options, ILogger<ShutdownCoordinator>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options with { };
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A copy of the options this coordinator runs with.</summary>
    public ShutdownOptions Options => _options with { };

    /// <summary>Fires at step 2: stop accepting new work (readiness turns not-ready, consumers stop pulling).</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Fires at step 4: cancel in-flight work that did not finish during the grace period.</summary>
    public CancellationToken Cancelling => _cancelling.Token;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Signal
    {
        get
        {
            lock (_lock)
            {
                return _signal;
            }
        }
    }

    /// <summary>Whether shutdown has started (a run was requested).</summary>
    public bool IsShuttingDown
    {
        get
        {
            lock (_lock)
            {
                return _untilClose is not null;
            }
        }
    }

    /// <summary>How much tracked work is in flight now.</summary>
    public int InFlightCount
    {
        get
        {
            lock (_lock)
            {
                return _work.Count;
            }
        }
    }

    /// <summary>The names of the tracked work in flight now, sorted; for diagnostics and tests.</summary>
    public IReadOnlyList<string> InFlightWork => RunningNames();

    /// <summary>The exit code convention applies to this process when it stops: the signal's code, or 0.</summary>
    public int ExitCode => ExitCodeFor(Signal);

    /// <summary>Replaced by tests: how the process exits when the budget is exhausted.</summary>
    internal Action<int> ExitProcess { get; set; } = Environment.Exit;

    /// <summary>Tests advance a fake clock only after a step has armed its timed wait; this says when.</summary>
    internal Action<ShutdownStep>? TimedWaitArmed { get; set; }

    /// <summary>
    /// Marks in-flight work that the grace period waits for: <c>using var _ = shutdown.TrackWork("import");</c>.
    /// The work also appears in <see cref="WorkRegistry"/> as <see cref="TrackedWorkKind.ShutdownWork"/>.
    /// </summary>
    /// <param name="name">The name shown in logs and the report; <see langword="null"/> uses the caller's member and line.</param>
    /// <param name="callerMember">Filled in by the compiler.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    /// <returns>Dispose it when the work ends.</returns>
    public IDisposable TrackWork(
        string? name = null,
        [CallerMemberName] string callerMember = "",
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        var startSite = WorkRegistry.DescribeStartSite(callerMember, callerFile, callerLine);
        return Track(name ?? WorkRegistry.FormatStartSite(callerMember, callerFile, callerLine), startSite);
    }

    /// <summary>Adds a step-2 callback, such as closing a listener or pausing a queue consumer.</summary>
    /// <param name="stop">Called once at step 2 with a token that fires after <see cref="ShutdownOptions.StopAcceptingTimeout"/>.</param>
    /// <exception cref="InvalidOperationException">Shutdown has already started.</exception>
    public void OnStopAccepting(Func<CancellationToken, Task> stop) => OnStopAccepting("stop-accepting callback", stop);

    /// <summary>Adds a named step-2 callback; the name appears in the log when it fails or overruns.</summary>
    /// <param name="name">What it stops, for example "kestrel listeners".</param>
    /// <param name="stop">Called once at step 2 with a token that fires after <see cref="ShutdownOptions.StopAcceptingTimeout"/>.</param>
    /// <exception cref="InvalidOperationException">Shutdown has already started.</exception>
    public void OnStopAccepting(string name, Func<CancellationToken, Task> stop)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(stop);
        lock (_lock)
        {
            ThrowIfStarted(nameof(OnStopAccepting));
            _stopAccepting.Add((name, stop));
        }
    }

    /// <summary>
    /// Adds an owner of work that drains itself, such as <see cref="BackgroundTasks"/>: at the end of step 2 it
    /// is started with the grace period and a token that fires when step 4's timeout ends; steps 3 and 4 wait
    /// for it like tracked work.
    /// </summary>
    /// <param name="name">The name shown in the report.</param>
    /// <param name="drain">For example <c>(grace, ct) =&gt; tasks.DrainAsync(grace, ct)</c>.</param>
    /// <exception cref="InvalidOperationException">Shutdown has already started.</exception>
    public void RegisterDrain(string name, Func<TimeSpan, CancellationToken, Task> drain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(drain);
        lock (_lock)
        {
            ThrowIfStarted(nameof(RegisterDrain));
            _drains.Add((name, drain));
        }
    }

    /// <summary>Adds a resource (a connection pool, a client, a telemetry exporter) that step 5 closes.</summary>
    /// <param name="resource">Closed with <see cref="IAsyncDisposable.DisposeAsync"/>, in reverse order of registration.</param>
    /// <param name="name">The name shown in the log and the report.</param>
    /// <exception cref="InvalidOperationException">Shutdown has already started.</exception>
    public void RegisterForClose(IAsyncDisposable resource, string name)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_lock)
        {
            ThrowIfStarted(nameof(RegisterForClose));
            _resources.Add((name, resource));
        }
    }

    /// <summary>
    /// Installs handlers for SIGTERM, SIGINT and SIGQUIT (once) and waits for the first of them. The handlers
    /// only record the signal; a second signal gets the runtime's default action, which ends the process.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The signal received.</returns>
    public Task<PosixSignal> WaitForSignalAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _registrations ??=
            [
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
                PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
                PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal),
            ];
        }

        return _signalled.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits for SIGTERM, SIGINT or SIGQUIT, then runs the five steps.</summary>
    /// <param name="cancellationToken">Stops waiting (for the signal or for the steps; the steps keep their own bounds).</param>
    /// <returns>The report; its <see cref="ShutdownReport.ExitCode"/> is what <c>Main</c> should return.</returns>
    public async Task<ShutdownReport> WaitAndRunAsync(CancellationToken cancellationToken = default)
    {
        var signal = await WaitForSignalAsync(cancellationToken).ConfigureAwait(false);
        return await RunAsync(signal.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the five steps now, or joins a shutdown already under way.</summary>
    /// <param name="reason">Why, for the log and the report (for example "deploy" or "SIGTERM").</param>
    /// <param name="cancellationToken">Stops waiting; the steps keep running within their own bounds.</param>
    /// <returns>The report.</returns>
    public Task<ShutdownReport> RunAsync(string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Task<ShutdownReport> run;
        lock (_lock)
        {
            var untilClose = StartStepsLocked(reason);

            // Task.Run: the close must not start inline under the lock when steps 1-4 already finished.
            _run ??= Task.Run(() => CloseAndReportAsync(untilClose));
            run = _run;
        }

        return run.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs steps 1 to 4 now (or joins a shutdown under way) and completes before step 5, so a host can stop its
    /// own services between cancelling work and closing the resources they use. A later <see cref="RunAsync"/>
    /// runs step 5 and returns the report.
    /// </summary>
    /// <param name="reason">Why, for the log and the report.</param>
    /// <param name="cancellationToken">Stops waiting; the steps keep running within their own bounds.</param>
    /// <returns>A task that completes when step 4 has ended.</returns>
    public Task StopAndCancelAsync(string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_lock)
        {
            return StartStepsLocked(reason).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Removes the signal handlers and the budget watchdog, and waits (bounded) for drains to end.</summary>
    /// <returns>A task that completes when disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        Task[] drains;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            drains = [.. _drainTasks];
            foreach (var registration in _registrations ?? [])
            {
                registration.Dispose();
            }

            _watchdog?.Dispose();
        }

        // Drains end when step 4's timeout fires; this only keeps their tasks from outliving the owner unobserved.
        await Task.WhenAll(drains).WaitAsync(_options.CancelTimeout, _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Records a signal as the handler does; used by the handler and by tests.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns><see langword="true"/> for the first signal.</returns>
    internal bool ReceiveSignal(PosixSignal signal)
    {
        bool runStarted;
        lock (_lock)
        {
            if (_signal is not null)
            {
                return false;
            }

            _signal = signal;
            runStarted = _untilClose is not null;
            if (!runStarted)
            {
                _requestedTimestamp = _time.GetTimestamp();
            }
        }

        _signalled.TrySetResult(signal);
        if (runStarted)
        {
            // The application started the shutdown itself; the orchestrator's clock starts now.
            ArmWatchdog(signal, _time.GetTimestamp());
        }

        return true;
    }

    internal void EndWork(ShutdownWork work)
    {
        TaskCompletionSource? idle = null;
        lock (_lock)
        {
            if (!_work.Remove(work))
            {
                return;
            }

            if (_phase is ShutdownStep.StopAccepting or ShutdownStep.GracePeriod)
            {
                _drained.Add(work.Name);
            }
            else if (_phase is ShutdownStep.CancelRemaining)
            {
                _cancelled.Add(work.Name);
            }

            if (_work.Count == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);

    private int ExitCodeFor(PosixSignal? signal) => signal switch
    {
        PosixSignal.SIGTERM => _options.TerminatedExitCode,
        PosixSignal.SIGINT => _options.InterruptedExitCode,
        PosixSignal.SIGQUIT => _options.QuitExitCode,
        _ => 0,
    };

    private void OnSignal(PosixSignalContext context)
    {
        // The handler only records the signal; the steps run on whoever awaits WaitForSignalAsync. A second
        // signal keeps the default action, so an operator can still end a stuck process at once.
        if (ReceiveSignal(context.Signal))
        {
            context.Cancel = true;
        }
    }

    private ShutdownWork Track(string name, string? startSite)
    {
        var work = new ShutdownWork(this, name, WorkRegistry.Register(TrackedWorkKind.ShutdownWork, name, startSite));
        lock (_lock)
        {
            _work.Add(work);
        }

        return work;
    }

    private void ThrowIfStarted(string member)
    {
        if (_untilClose is not null)
        {
            throw new InvalidOperationException($"{member} was called after shutdown started; register shutdown callbacks and resources during start-up.");
        }
    }

    private Task StartStepsLocked(string reason)
    {
        if (_untilClose is null)
        {
            _reason = _signal?.ToString() ?? reason;
            if (_signal is null)
            {
                _requestedTimestamp = _time.GetTimestamp();
            }

            // Task.Run: step 2 runs cancellation callbacks, which must never run under this lock.
            _untilClose = Task.Run(RunStepsAsync);
        }

        return _untilClose;
    }

    private async Task RunStepsAsync()
    {
        PosixSignal? signal;
        long requested;
        lock (_lock)
        {
            signal = _signal;
            requested = _requestedTimestamp;
        }

        // Step 1 happened in the signal handler (or the caller); its duration is the wait until the steps began.
        var sinceRequest = _time.GetElapsedTime(requested);
        var trapped = signal is null ? $"requested by the application: {_reason}" : $"{signal} trapped; the handler only recorded it";
        ShutdownLog.ShutdownRequested(_logger, _reason);
        Record(ShutdownStep.TrapSignal, _time.GetUtcNow() - sinceRequest, sinceRequest, completed: true, trapped);
        ArmWatchdog(signal, requested);

        await RunStepAsync(ShutdownStep.StopAccepting, StopAcceptingAsync).ConfigureAwait(false);
        await RunStepAsync(ShutdownStep.GracePeriod, GraceAsync).ConfigureAwait(false);
        try
        {
            await RunStepAsync(ShutdownStep.CancelRemaining, CancelRemainingAsync).ConfigureAwait(false);
        }
        finally
        {
            // Drains stop waiting now; whatever still runs was reported as not finished, so work ending from
            // here on is not counted as cancelled as well.
            lock (_lock)
            {
                _phase = ShutdownStep.CloseResources;
            }

            await CancelQuietlyAsync(_stepsOver, ShutdownStep.CancelRemaining).ConfigureAwait(false);
        }
    }

    private async Task<ShutdownReport> CloseAndReportAsync(Task untilClose)
    {
        await untilClose.ConfigureAwait(false);
        await RunStepAsync(ShutdownStep.CloseResources, CloseResourcesAsync).ConfigureAwait(false);

        ShutdownReport report;
        lock (_lock)
        {
            report = new ShutdownReport(
                _reason,
                _signal,
                ExitCodeFor(_signal),
                _time.GetElapsedTime(_requestedTimestamp),
                [.. _steps],
                [.. _drained],
                [.. _cancelled],
                [.. _closed],
                [.. _notFinished]);
        }

        if (report.IsClean)
        {
            ShutdownLog.ReportClean(_logger, report);
        }
        else
        {
            ShutdownLog.ReportUnfinished(_logger, report);
        }

        return report;
    }

    private async Task RunStepAsync(ShutdownStep step, Func<Task<(bool Completed, string Outcome)>> body)
    {
        lock (_lock)
        {
            _phase = step;
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            ShutdownLog.StepStarted(_logger, (int)step, step);
        }

        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var (completed, outcome) = await body().ConfigureAwait(false);
        Record(step, startedAt, _time.GetElapsedTime(started), completed, outcome);
    }

    private void Record(ShutdownStep step, DateTimeOffset startedAt, TimeSpan duration, bool completed, string outcome)
    {
        lock (_lock)
        {
            _steps.Add(new ShutdownStepResult(step, startedAt, duration, completed, outcome));
        }

        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        if (completed)
        {
            ShutdownLog.StepCompleted(_logger, (int)step, step, duration.TotalMilliseconds, outcome);
        }
        else
        {
            ShutdownLog.StepTimedOut(_logger, (int)step, step, duration.TotalMilliseconds, outcome);
        }
    }

    private async Task<(bool, string)> StopAcceptingAsync()
    {
        // Readiness checks and consumers watch Stopping; their callbacks run here.
        var listenersOk = await CancelQuietlyAsync(_stopping, ShutdownStep.StopAccepting).ConfigureAwait(false);
        if (_options.DrainDelay > TimeSpan.Zero)
        {
            // Keep serving while load balancers notice the failing readiness probe.
            var delay = Task.Delay(_options.DrainDelay, _time);
            TimedWaitArmed?.Invoke(ShutdownStep.StopAccepting);
            await delay.ConfigureAwait(false);
        }

        (string Name, Func<CancellationToken, Task> Stop)[] callbacks;
        (string Name, Func<TimeSpan, CancellationToken, Task> Drain)[] drains;
        lock (_lock)
        {
            callbacks = [.. _stopAccepting];
            drains = [.. _drains];
        }

        using var timeout = new CancellationTokenSource(_options.StopAcceptingTimeout, _time);
        var tasks = callbacks.Select(c => InvokeAsync(c.Name, c.Stop, timeout.Token)).ToArray();
        var completed = true;
        var failed = 0;
        try
        {
#pragma warning disable WD303 // One task per registered stop-accepting callback: a handful set at start-up, bounded by a timeout.
            var all = Task.WhenAll(tasks).WaitAsync(_options.StopAcceptingTimeout, _time);
#pragma warning restore WD303
            TimedWaitArmed?.Invoke(ShutdownStep.StopAccepting);
            var results = await all.ConfigureAwait(false);
            failed = results.Count(ok => !ok);
        }
        catch (TimeoutException)
        {
            completed = false;
            var late = callbacks.Where((_, i) => !tasks[i].IsCompleted).Select(c => c.Name).ToArray();
            lock (_lock)
            {
                _notFinished.AddRange(late.Select(name => $"{name} (stop accepting timed out)"));
            }
        }

        foreach (var (name, drain) in drains)
        {
            var work = Track($"drain: {name}", startSite: null);
            lock (_lock)
            {
                _drainTasks.Add(Task.Run(() => RunDrainAsync(name, drain, work)));
            }
        }

        var outcome = string.Create(
            CultureInfo.InvariantCulture,
            $"Stopping fired (readiness not-ready); {callbacks.Length - failed} of {callbacks.Length} stop-accepting callback(s) done{(completed ? string.Empty : ", others timed out after " + ShutdownOptions.Seconds(_options.StopAcceptingTimeout))}; {drains.Length} drain(s) started; {InFlightCount} in flight");
        return (completed && failed == 0 && listenersOk, outcome);
    }

    private async Task<(bool, string)> GraceAsync()
    {
#pragma warning disable WD304 // WhenIdle's task cannot fault; when nothing is pending there is nothing to wait for.
        var idle = WhenIdle(out var pending);
#pragma warning restore WD304
        if (pending == 0)
        {
            return (true, "nothing in flight");
        }

        try
        {
            var wait = idle.WaitAsync(_options.GracePeriod, _time);
            TimedWaitArmed?.Invoke(ShutdownStep.GracePeriod);
            await wait.ConfigureAwait(false);
            return (true, string.Create(CultureInfo.InvariantCulture, $"all {pending} in-flight item(s) finished on their own"));
        }
        catch (TimeoutException)
        {
            var still = RunningNames();
            return (false, string.Create(CultureInfo.InvariantCulture, $"{still.Length} of {pending} still running after {ShutdownOptions.Seconds(_options.GracePeriod)}: {Names(still)}"));
        }
    }

    private async Task<(bool, string)> CancelRemainingAsync()
    {
#pragma warning disable WD304 // WhenIdle's task cannot fault; when nothing is pending there is nothing to wait for.
        var idle = WhenIdle(out var pending);
#pragma warning restore WD304
        var listenersOk = await CancelQuietlyAsync(_cancelling, ShutdownStep.CancelRemaining).ConfigureAwait(false);
        if (pending == 0)
        {
            return (listenersOk, "nothing left to cancel");
        }

        try
        {
            var wait = idle.WaitAsync(_options.CancelTimeout, _time);
            TimedWaitArmed?.Invoke(ShutdownStep.CancelRemaining);
            await wait.ConfigureAwait(false);
            return (listenersOk, string.Create(CultureInfo.InvariantCulture, $"cancelled {pending}; all stopped"));
        }
        catch (TimeoutException)
        {
            var still = RunningNames();
            lock (_lock)
            {
                _notFinished.AddRange(still);
            }

            return (false, string.Create(CultureInfo.InvariantCulture, $"cancelled {pending}; {still.Length} did not stop within {ShutdownOptions.Seconds(_options.CancelTimeout)}: {Names(still)}"));
        }
    }

    private async Task<(bool, string)> CloseResourcesAsync()
    {
        (string Name, IAsyncDisposable Resource)[] resources;
        lock (_lock)
        {
            resources = [.. _resources];
        }

        Array.Reverse(resources);
        var started = _time.GetTimestamp();
        var problems = new List<string>();
        foreach (var (name, resource) in resources)
        {
            var left = _options.CloseTimeout - _time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                problems.Add($"{name} (not closed: the close timeout was used up)");
                continue;
            }

            try
            {
                // Task.Run: a DisposeAsync that blocks before its first await must not escape the bound.
                var close = Task.Run(() => resource.DisposeAsync().AsTask()).WaitAsync(left, _time);
                TimedWaitArmed?.Invoke(ShutdownStep.CloseResources);
                await close.ConfigureAwait(false);
                lock (_lock)
                {
                    _closed.Add(name);
                }
            }
            catch (TimeoutException)
            {
                problems.Add($"{name} (close timed out)");
            }
#pragma warning disable CA1031 // A resource that fails to close must not stop the others from closing; it is logged and reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ShutdownLog.CallbackFailed(_logger, ex, name, ShutdownStep.CloseResources);
                problems.Add($"{name} (close failed: {ex.GetType().Name})");
            }
        }

        lock (_lock)
        {
            _notFinished.AddRange(problems);
        }

        var closed = resources.Length - problems.Count;
        return problems.Count == 0
            ? (true, string.Create(CultureInfo.InvariantCulture, $"closed {closed} resource(s) in reverse order of registration"))
            : (false, string.Create(CultureInfo.InvariantCulture, $"closed {closed} of {resources.Length}; {Names(problems)}"));
    }

    private async Task<bool> InvokeAsync(string name, Func<CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        try
        {
            await callback(cancellationToken).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // One failing callback must not stop the others or the shutdown; it is logged and counted.
#pragma warning disable WD501 // A callback cancelled by the step's timeout counts as failed and is logged; shutdown must go on.
        catch (Exception ex)
#pragma warning restore WD501
#pragma warning restore CA1031
        {
            ShutdownLog.CallbackFailed(_logger, ex, name, ShutdownStep.StopAccepting);
            return false;
        }
    }

    private async Task RunDrainAsync(string name, Func<TimeSpan, CancellationToken, Task> drain, ShutdownWork work)
    {
        try
        {
            await drain(_options.GracePeriod, _stepsOver.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stepsOver.IsCancellationRequested)
        {
            // Step 4's timeout ended the wait; the work still running is reported as not finished.
        }
#pragma warning disable CA1031 // A failing drain must not fail the shutdown; it is logged and its work reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ShutdownLog.CallbackFailed(_logger, ex, name, ShutdownStep.GracePeriod);
        }
        finally
        {
            work.Dispose();
        }
    }

    private async Task<bool> CancelQuietlyAsync(CancellationTokenSource source, ShutdownStep step)
    {
        try
        {
            await source.CancelAsync().ConfigureAwait(false);
            return true;
        }
        catch (AggregateException ex)
        {
            ShutdownLog.CallbackFailed(_logger, ex, "cancellation callback", step);
            return false;
        }
    }

    private Task WhenIdle(out int pending)
    {
        lock (_lock)
        {
            pending = _work.Count;
            if (pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }

    private string[] RunningNames()
    {
        lock (_lock)
        {
            return [.. _work.Select(w => w.Name).Order(StringComparer.Ordinal)];
        }
    }

    private void ArmWatchdog(PosixSignal? signal, long requested)
    {
        if (signal is null || !_options.ExitWhenBudgetExhausted)
        {
            return;
        }

        var due = _options.Budget - (_options.Margin / 2) - _time.GetElapsedTime(requested);
        lock (_lock)
        {
            if (_disposed || _watchdog is not null)
            {
                return;
            }

            _watchdog = _time.CreateTimer(_ => ExitOnBudgetExhausted(), null, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void ExitOnBudgetExhausted()
    {
        var still = RunningNames();
        var code = ExitCode;
        var stillRunning = still.Length == 0 ? "no tracked work (the host itself is slow to stop)" : Names(still);
        ShutdownLog.BudgetExhausted(_logger, _options.Budget, code, stillRunning);
        ExitProcess(code);
    }
}
