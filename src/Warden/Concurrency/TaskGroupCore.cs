using Warden.Diagnostics;

namespace Warden;

/// <summary>
/// The engine behind every task group form. One atomic <c>_state</c> word holds the live count (the owner, i.e. the
/// body or the scope, plus every admitted child) and the "cancelling" flag, so admission, cancellation and the last
/// child finishing are decided by single atomic transitions; the count reaching zero completes the group exactly once.
/// Errors, the slot queue and shields sit behind one lock that the unlimited, successful path never takes.
/// The engine is its own token source, and its completion task is made only when needed: a group whose children all
/// finish before the caller gets its task (the synchronous case) hands out a ready-made task and allocates one object
/// in all, where a completion source and a separate token source would make three.
/// </summary>
/// <typeparam name="TResult">The body's result (<see cref="bool"/> for bodies without one).</typeparam>
#pragma warning disable CA1031 // The engine's job is to catch every exception a child or body throws and record it.
internal sealed class TaskGroupCore<TResult> : CancellationTokenSource, ITaskGroup, ITaskGroupEngine
{
    private const int CancellingFlag = 1 << 30;
    private const int CountMask = CancellingFlag - 1;
    private const int ReservationBatch = 32;

    private readonly TaskGroupOptions _options;
    private readonly CancellationToken _token;
    private readonly bool _requiresBodyResult;
    private readonly bool _limited;
    private Lock? _lockObject;
    private CancellationToken _outer;
    private CancellationTokenRegistration _outerRegistration;
    private ITimer? _timer;
    private TrackedWorkHandle _registration;
    // Padded onto its own cache line: every completing child writes it, often from another core than the spawning one.
    private PaddedCounter _state = new() { Value = 1 };
    private int _outerFired;
    private int _timedOut;
    private List<Exception>? _errors;
    private Exception? _critical;
    private List<CancellationTokenSource>? _shields;
    private HashSet<Task>? _stalledFailures;
    private Queue<SlotRequest>? _waiting;
    private int _slotsInUse;
    private TResult? _bodyResult;
    private bool _bodyReturned;
    // Set once, when the cancelling flag enters _state. The inline spawn path checks this copy instead of _state, so a
    // spawn loop does not pull _state's cache line back from the cores where children are completing.
    private volatile bool _cancelling;
    // Null, then either a TaskCompletionSource (someone asked for the task before the group finished) or the finished
    // group's completed task (it finished first): whichever of the two is stored first, by compare-exchange, wins.
    private object? _completion;

    public TaskGroupCore(TaskGroupOptions? options, string defaultName, string? startSite, bool requiresBodyResult, CancellationToken outer)
    {
        _options = options ?? TaskGroupOptions.Default;
        if (options is not null)
        {
            // The shared default is valid by construction; validating it again would cost every group.
            _options.Validate();
        }
        Name = _options.Name ?? (string.IsNullOrEmpty(defaultName) ? "task-group" : defaultName);
        _token = base.Token;
        _requiresBodyResult = requiresBodyResult;
        _limited = _options.MaxConcurrency != int.MaxValue;
        _outer = outer;
        _registration = WorkRegistry.Register(TrackedWorkKind.TaskGroup, Name, startSite);
        if (_options.Timeout is { } timeout && timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = _options.TimeProvider.CreateTimer(static state => ((TaskGroupCore<TResult>)state!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
        }

        if (outer.CanBeCanceled)
        {
            _outerRegistration = outer.UnsafeRegister(static state => ((TaskGroupCore<TResult>)state!).OnOuterCancelled(), this);
        }
    }

    /// <summary>The group's token (cached: the base property throws once the group has disposed itself on completion).</summary>
    public new CancellationToken Token => _token;

    public string Name { get; }

    /// <summary>Completes after the owner released its count and every child finished.</summary>
    public Task<TResult> Completion
    {
        get
        {
            var current = CompletionOrSource();
            return current as Task<TResult> ?? ((TaskCompletionSource<TResult>)current).Task;
        }
    }

    private bool IsCancelling => (Volatile.Read(ref _state.Value) & CancellingFlag) != 0;

    /// <summary>The lock for errors, the slot queue and shields, created on first use: a group whose children all succeed never needs it.</summary>
    private Lock Sync => Volatile.Read(ref _lockObject) ?? CreateLock();

    public void RunBody(Func<ITaskGroup, CancellationToken, Task> body)
    {
        var task = Invoke(body);
        if (task.IsCompleted)
        {
            BodyEnded(task);
        }
        else
        {
#pragma warning disable WD301 // The group is the owner: the observer never throws and JoinAsync awaits the count it holds.
            _ = ObserveBodyAsync(task);
#pragma warning restore WD301
        }
    }

    /// <summary>The scope form's owner (the code between <c>Create</c> and <c>JoinAsync</c>) is done.</summary>
    public void ReleaseOwner() => ReleaseCount();

    public ChildTask Spawn(Func<CancellationToken, Task> work, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return new ChildTask(_limited ? SpawnLimited<bool>(work, name, typed: false) : SpawnUnlimited<bool>(work, name, typed: false), name);
    }

    public ChildTask<T> Spawn<T>(Func<CancellationToken, Task<T>> work, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        return new ChildTask<T>((Task<T>)(_limited ? SpawnLimited<T>(work, name, typed: true) : SpawnUnlimited<T>(work, name, typed: true)), name);
    }

    public async ValueTask<ChildTask<T>> SpawnAsync<T>(Func<CancellationToken, Task<T>> work, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = await SpawnWhenSlotFreeAsync<T>(work, name, typed: true).ConfigureAwait(false);
        return new ChildTask<T>((Task<T>)task, name);
    }

    public async ValueTask<ChildTask> SpawnAsync(Func<CancellationToken, Task> work, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = await SpawnWhenSlotFreeAsync<bool>(work, name, typed: false).ConfigureAwait(false);
        return new ChildTask(task, name);
    }

    public Task<TStart> StartAsync<TStart>(Func<IStartStatus<TStart>, CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        Admit();
        var status = new StartStatus<TStart>();
        var childCts = new CancellationTokenSource();
        var groupLink = _token.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), childCts);
        if (cancellationToken.CanBeCanceled)
        {
            status.WatchCaller(cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), childCts));
        }

        var task = InvokeScoped(static (w, token) => w.Work(w.Status, token), (Work: work, Status: (IStartStatus<TStart>)status), childCts.Token);
#pragma warning disable WD301 // The group is the owner: the observer never throws and JoinAsync awaits the count it holds.
        _ = ObserveStartedChildAsync(task, status, childCts, groupLink);
#pragma warning restore WD301
        return status.Task;
    }

    /// <summary>Cancels the group (<see cref="ITaskGroup.Cancel"/>); it hides the token source's own, which would skip the group's state.</summary>
    public new void Cancel() => BeginCancelling();

    public CancellationToken Shield(TimeSpan budget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, TimeSpan.Zero);
        var shield = new CancellationTokenSource(budget, _options.TimeProvider);
        lock (Sync)
        {
            if ((Volatile.Read(ref _state.Value) & CountMask) != 0)
            {
                (_shields ??= []).Add(shield);
            }
        }

        return shield.Token;
    }

    Task ITaskGroupEngine.StartWithSlot<T>(Func<CancellationToken, Task> work, string? name, bool typed)
    {
        var task = Start<T>(work, typed);
        Track(task, name, holdsSlot: true);
        return task;
    }

    public void ReleaseCount() => ReleaseCounts(1);

    private void ReleaseCounts(int counts)
    {
        if ((Interlocked.Add(ref _state.Value, -counts) & CountMask) == 0)
        {
            Complete();
        }
    }

    private Lock CreateLock()
    {
        Interlocked.CompareExchange(ref _lockObject, new Lock(), null);
        return _lockObject!;
    }

    private static InvalidOperationException NullTask() => new("The delegate returned null instead of a Task; return Task.CompletedTask for no work.");

    private Task SpawnUnlimited<T>(Func<CancellationToken, Task> work, string? name, bool typed)
    {
        var thread = GroupThreadState.Current;
        if (_options.Start == StartMode.Inline && ReferenceEquals(thread.InlineGroup, this))
        {
            // A frame up this thread's stack holds a count of this group: a child that finishes synchronously
            // needs no bookkeeping; one that goes asynchronous takes its own count before that frame can return.
            if (_cancelling)
            {
                throw Closed();
            }

            // That frame's scope also serves the child, so it is invoked directly (InvokeScoped would find it set).
            var invoked = InvokeGuarded(static (w, token) => w(token), work, _token);
            var inline = typed ? AsTyped<T>(invoked) : invoked;
            if (inline.IsCompleted)
            {
                if (!inline.IsCompletedSuccessfully)
                {
                    ChildFailed(inline, name);
                }
            }
            else
            {
                TakeReservedCount(thread);
                if (!DeferredChildren.CanPayOff)
                {
                    ObserveChild(thread, inline, name, holdsSlot: false);
                }
                else if (thread.Deferred.Add(this, new DeferredChild(inline, name), out var evicted))
                {
                    EndOrObserve(thread, evicted);
                }
            }

            return inline;
        }

        Admit();
        var task = Start<T>(work, typed);
        Track(task, name, holdsSlot: false);
        return task;
    }

    private Task SpawnLimited<T>(Func<CancellationToken, Task> work, string? name, bool typed)
    {
        Admit();
        PendingChild<T>? pending = null;
        var denied = false;
        lock (Sync)
        {
            if (IsCancelling)
            {
                denied = true;
            }
            else if (_slotsInUse < _options.MaxConcurrency && (_waiting is null || _waiting.Count == 0))
            {
                _slotsInUse++;
            }
            else
            {
                pending = new PendingChild<T>(this, work, name, typed);
                (_waiting ??= new Queue<SlotRequest>()).Enqueue(pending);
            }
        }

        if (denied)
        {
            ReleaseCount();
            throw Closed();
        }

        if (pending is not null)
        {
            return pending.Task;
        }

        var task = Start<T>(work, typed);
        Track(task, name, holdsSlot: true);
        return task;
    }

    /// <summary>
    /// A child delegate that threw synchronously comes back as an untyped faulted task; give the caller a typed one with
    /// the same exception (reading it marks the untyped one observed, so it never reaches UnobservedTaskException).
    /// </summary>
    private static Task<T> AsTyped<T>(Task task)
    {
        if (task is Task<T> typed)
        {
            return typed;
        }

        var inner = task.Exception!.InnerExceptions;
        return System.Threading.Tasks.Task.FromException<T>(inner.Count == 1 ? inner[0] : task.Exception);
    }

    private async ValueTask<Task> SpawnWhenSlotFreeAsync<T>(Func<CancellationToken, Task> work, string? name, bool typed)
    {
        try
        {
            Admit();
        }
        catch (TaskGroupClosedException closed) when (closed.GroupWasCancelling)
        {
            throw new OperationCanceledException($"Task group '{Name}' is cancelling; no new child is admitted.", closed, _token);
        }

        SlotWaiter? waiter = null;
        var denied = false;
        if (_limited)
        {
            lock (Sync)
            {
                if (IsCancelling)
                {
                    denied = true;
                }
                else if (_slotsInUse < _options.MaxConcurrency && (_waiting is null || _waiting.Count == 0))
                {
                    _slotsInUse++;
                }
                else
                {
                    waiter = new SlotWaiter();
                    (_waiting ??= new Queue<SlotRequest>()).Enqueue(waiter);
                }
            }

            if (waiter is not null)
            {
                denied = !await waiter.Granted.ConfigureAwait(false);
            }
        }

        if (denied)
        {
            ReleaseCount();
            throw new OperationCanceledException($"Task group '{Name}' is cancelling; no new child is admitted.", _token);
        }

        var task = Start<T>(work, typed);
        Track(task, name, holdsSlot: _limited);
        return task;
    }

    private TaskGroupClosedException Closed()
    {
        var state = Volatile.Read(ref _state.Value);
        return (state & CountMask) == 0
            ? new TaskGroupClosedException($"Task group '{Name}' has finished; spawn children before the group's join completes.", this, groupWasCancelling: false)
            : new TaskGroupClosedException($"Task group '{Name}' is shutting down (a failure, Cancel(), its timeout or the outer token); it admits no new children.", this, groupWasCancelling: true);
    }

    private void Admit()
    {
        var state = Volatile.Read(ref _state.Value);
        while (true)
        {
            if ((state & CountMask) == 0 || (state & CancellingFlag) != 0)
            {
                throw Closed();
            }

            var seen = Interlocked.CompareExchange(ref _state.Value, state + 1, state);
            if (seen == state)
            {
                return;
            }

            state = seen;
        }
    }

    private Task Start<T>(Func<CancellationToken, Task> work, bool typed)
    {
        if (_options.Start == StartMode.Queued)
        {
            return typed ? System.Threading.Tasks.Task.Run(() => AsTyped<T>(Invoke(work)), CancellationToken.None) : System.Threading.Tasks.Task.Run(() => Invoke(work), CancellationToken.None);
        }

        return typed ? AsTyped<T>(Invoke(work)) : Invoke(work);
    }

    private Task Invoke(Func<CancellationToken, Task> work) => InvokeScoped(static (w, token) => w(token), work, _token);

    private Task Invoke(Func<ITaskGroup, CancellationToken, Task> body) => InvokeScoped(static (b, token) => b.Body(b.Group, token), (Body: body, Group: (ITaskGroup)this), _token);

    /// <summary>Runs user code with this group current on the thread, turning a synchronous throw or a null task into a faulted task.</summary>
    private Task InvokeScoped<TArg>(Func<TArg, CancellationToken, Task> code, TArg arg, CancellationToken token)
    {
        var thread = GroupThreadState.Current;
        var previous = thread.InlineGroup;
        if (ReferenceEquals(previous, this))
        {
            // A frame of this group is already below us on this stack: its scope and count reservation serve this
            // code too (it returns what is left when it ends), so a child spawned inline costs no bookkeeping here.
            return InvokeGuarded(code, arg, token);
        }

        if (thread.DeferredIfCreated is { Count: > 0 })
        {
            // The ring holds the outer group's children only: that group looks at them before this frame starts.
            ((ITaskGroupEngine)previous!).FlushDeferred(thread);
        }

        var previousReserved = thread.Reserved;
        thread.InlineGroup = this;
        thread.Reserved = 0;
        try
        {
            return InvokeGuarded(code, arg, token);
        }
        finally
        {
            try
            {
                // Before the frame's counts go back: a child that completed while deferred returns its count here.
                FlushDeferred(thread);
            }
            finally
            {
                var unused = thread.Reserved;
                thread.InlineGroup = previous;
                thread.Reserved = previousReserved;
                if (unused > 0)
                {
                    ReleaseCounts(unused);
                }
            }
        }
    }

    private static Task InvokeGuarded<TArg>(Func<TArg, CancellationToken, Task> code, TArg arg, CancellationToken token)
    {
        try
        {
            return code(arg, token) ?? System.Threading.Tasks.Task.FromException(NullTask());
        }
        catch (Exception ex)
        {
            return System.Threading.Tasks.Task.FromException(ex);
        }
    }

    /// <summary>Gives an asynchronous child one count from this frame's batch, taking a new batch when it is empty.</summary>
    private void TakeReservedCount(GroupThreadState thread)
    {
        var reserved = thread.Reserved;
        if (reserved == 0)
        {
            // Safe without Admit: a frame up this stack holds a count, so the group cannot have finished.
            Interlocked.Add(ref _state.Value, ReservationBatch);
            reserved = ReservationBatch;
        }

        thread.Reserved = reserved - 1;
    }

    public void FlushDeferred(GroupThreadState thread)
    {
        if (thread.DeferredIfCreated is not { } ring)
        {
            return;
        }

        while (ring.TryTakeOldest(out var child))
        {
            EndOrObserve(thread, child);
        }
    }

    /// <summary>A child leaves the deferral ring: settle it now if it has completed, otherwise start watching it.</summary>
    private void EndOrObserve(GroupThreadState thread, DeferredChild child)
    {
        var task = child.Task;
        if (task.IsCompleted)
        {
            if (!task.IsCompletedSuccessfully && !ReportedByWatchdog(task))
            {
                ChildFailed(task, child.Name);
            }

            // Its count goes back to this frame's batch: no atomic write for a child that is already done.
            thread.Reserved++;
        }
        else
        {
            ObserveChild(thread, task, child.Name, holdsSlot: false);
        }
    }

    void ITaskGroupEngine.ReportStalledFailure(DeferredChildren ring, int version, DeferredChild child)
    {
        if (_options.Mode == FailureMode.Supervisor)
        {
            // A supervisor cancels nobody on a failure, so nothing can wait on it: its handler runs on the spawning thread.
            return;
        }

        lock (Sync)
        {
            // Under the lock that ReportedByWatchdog takes after the owner's write: either the owner has not taken the
            // child out of the ring yet (the version is unchanged) and will find the claim, or it has and this yields.
            if (ring.Version != version || !(_stalledFailures ??= new HashSet<Task>(ReferenceEqualityComparer.Instance)).Add(child.Task))
            {
                return;
            }
        }

        ChildFailed(child.Task, child.Name);
    }

    private bool ReportedByWatchdog(Task task)
    {
        if (_options.Mode == FailureMode.Supervisor)
        {
            return false;
        }

        lock (Sync)
        {
            return _stalledFailures is { } reported && reported.Contains(task);
        }
    }

    private void Track(Task task, string? name, bool holdsSlot)
    {
        if (task.IsCompleted)
        {
            ChildEnded(task, name, holdsSlot);
        }
        else
        {
            ObserveChild(GroupThreadState.Current, task, name, holdsSlot);
        }
    }

    private void ObserveChild(GroupThreadState thread, Task task, string? name, bool holdsSlot)
    {
        // Only children still running when the group looks at them are visible to the registry and the in-flight metric.
        var handle = WorkRegistry.RegisterWith(thread.Counters, TrackedWorkKind.GroupChild, name ?? Name, null, _registration.Id);
        var metered = ConcurrencyInstruments.GroupChildrenInFlight.Enabled;
        if (metered)
        {
            ConcurrencyInstruments.GroupChildrenInFlight.Add(1, new KeyValuePair<string, object?>(ConcurrencyInstruments.OwnerTag, Name));
        }

        // A supervisor's fault handler is user code: it runs in the spawner's execution context, as an await would.
        ChildObserver.Watch(this, thread, task, name, holdsSlot, handle, metered, flowContext: _options.OnChildFault is not null);
    }

    void ITaskGroupEngine.ObservedChildEnded(GroupThreadState thread, Task task, string? name, bool holdsSlot, TrackedWorkHandle handle, bool metered)
    {
        if (metered)
        {
            ConcurrencyInstruments.GroupChildrenInFlight.Add(-1, new KeyValuePair<string, object?>(ConcurrencyInstruments.OwnerTag, Name));
        }

        handle.DisposeWith(thread.Counters);
        ChildEnded(task, name, holdsSlot);
    }

    private void ChildEnded(Task task, string? name, bool holdsSlot)
    {
        if (!task.IsCompletedSuccessfully)
        {
            ChildFailed(task, name);
        }

        if (holdsSlot)
        {
            ReleaseSlot();
        }

        ReleaseCount();
    }

    private void ChildFailed(Task task, string? name)
    {
        foreach (var failure in FailuresOf(task))
        {
            if (IsCritical(failure))
            {
                RecordCritical(failure);
            }
            else if (_options.Mode == FailureMode.Supervisor)
            {
                Supervise(failure, name);
            }
            else
            {
                Record(failure, cancelGroup: true);
            }
        }
    }

    private void Supervise(Exception failure, string? name)
    {
        var handler = _options.OnChildFault;
        if (handler is null)
        {
            // Nobody handles it now, so the join reports it: a supervised failure is never lost.
            Record(failure, cancelGroup: false);
            return;
        }

        try
        {
            handler(new TaskGroupChildFault(Name, name, failure));
        }
        catch (Exception handlerFailure)
        {
            Record(handlerFailure, cancelGroup: false);
        }
    }

    private async Task ObserveBodyAsync(Task task)
    {
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        BodyEnded(task);
    }

    private void BodyEnded(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            if (task is Task<TResult> typed)
            {
                _bodyResult = typed.Result;
            }

            _bodyReturned = true;
        }
        else
        {
            // A failing body cancels everything in every mode.
            foreach (var failure in FailuresOf(task))
            {
                if (IsCritical(failure))
                {
                    RecordCritical(failure);
                }
                else
                {
                    Record(failure, cancelGroup: true);
                }
            }
        }

        ReleaseCount();
    }

    private async Task ObserveStartedChildAsync<TStart>(Task task, StartStatus<TStart> status, CancellationTokenSource childCts, CancellationTokenRegistration groupLink)
    {
        var handle = WorkRegistry.Register(TrackedWorkKind.GroupChild, Name, null, _registration.Id);
        await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        handle.Dispose();
        groupLink.Unregister();
        if (!status.HasStarted)
        {
            // Before Started the outcome belongs to the caller of StartAsync, not to the group (C19).
            if (task.IsCompletedSuccessfully)
            {
                status.FailBeforeStart(new InvalidOperationException("The started work finished without calling Started; call status.Started(value) once it is ready."));
            }
            else if (task.IsFaulted)
            {
                var inner = task.Exception!.InnerExceptions;
                status.FailBeforeStart(inner.Count == 1 ? inner[0] : task.Exception);
            }
            else
            {
                status.CancelBeforeStart(childCts.Token);
            }
        }
        else if (!task.IsCompletedSuccessfully)
        {
            ChildFailed(task, name: null);
        }

        childCts.Dispose();
        ReleaseCount();
    }

    private List<Exception> FailuresOf(Task task)
    {
        var failures = new List<Exception>(1);
        if (task.IsFaulted)
        {
            foreach (var inner in task.Exception!.InnerExceptions)
            {
                if (!IsBenign(inner))
                {
                    failures.Add(inner);
                }
            }
        }
        else if (task.IsCanceled)
        {
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException oce) when (!IsBenign(oce))
            {
                failures.Add(oce);
            }
            catch (OperationCanceledException)
            {
                // Benign: caused by this group's or the caller's cancellation.
            }
        }

        return failures;
    }

    /// <summary>C7: only cancellation caused by the group's token or the caller's token is benign.</summary>
    private bool IsBenign(Exception exception)
    {
        if (exception is TaskGroupClosedException closed)
        {
            return ReferenceEquals(closed.Group, this) && closed.GroupWasCancelling;
        }

        if (exception is not OperationCanceledException oce)
        {
            return false;
        }

        var token = oce.CancellationToken;
        if (token == _token)
        {
            return _token.IsCancellationRequested;
        }

        if (_outer.CanBeCanceled && token == _outer)
        {
            return _outer.IsCancellationRequested;
        }

        // A token linked from ours: links are invisible, so while this group is cancelling any cancelled token counts,
        // except a timeout (an HttpClient timeout carries a TimeoutException) which is always a failure.
        return _token.IsCancellationRequested && token.IsCancellationRequested && oce.InnerException is not TimeoutException;
    }

    private bool IsCritical(Exception failure) => _options.IsCritical is { } isCritical && isCritical(failure);

    private void RecordCritical(Exception failure)
    {
        lock (Sync)
        {
            if (_critical is null)
            {
                _critical = failure;
                failure = null!;
            }
        }

        if (failure is not null)
        {
            Record(failure, cancelGroup: false);
        }

        BeginCancelling();
    }

    private void Record(Exception failure, bool cancelGroup)
    {
        lock (Sync)
        {
            _errors ??= [];
            foreach (var known in _errors)
            {
                if (ReferenceEquals(known, failure))
                {
                    return;
                }
            }

            _errors.Add(failure);
        }

        ConcurrencyInstruments.GroupFailures.Add(1, new KeyValuePair<string, object?>(ConcurrencyInstruments.OwnerTag, Name));
        if (cancelGroup)
        {
            BeginCancelling();
        }
    }

    private void OnOuterCancelled()
    {
        Volatile.Write(ref _outerFired, 1);
        BeginCancelling();
    }

    private void OnTimeout()
    {
        Volatile.Write(ref _timedOut, 1);
        BeginCancelling();
    }

    private void BeginCancelling()
    {
        var state = Volatile.Read(ref _state.Value);
        while (true)
        {
            if ((state & CountMask) == 0 || (state & CancellingFlag) != 0)
            {
                return;
            }

            var seen = Interlocked.CompareExchange(ref _state.Value, state | CancellingFlag, state);
            if (seen == state)
            {
                break;
            }

            state = seen;
        }

        _cancelling = true;
        try
        {
            base.Cancel();
        }
        catch (AggregateException callbackFailures)
        {
            // Cancellation callbacks registered by children threw: errors raised during cancellation are recorded (C8).
            foreach (var failure in callbackFailures.InnerExceptions)
            {
                Record(failure, cancelGroup: false);
            }
        }
        catch (ObjectDisposedException)
        {
            // The last child finished between the flag and the cancel: the group is complete, nothing left to cancel.
        }

        DenyWaiting();
    }

    private void DenyWaiting()
    {
        SlotRequest[] denied;
        lock (Sync)
        {
            if (_waiting is null || _waiting.Count == 0)
            {
                return;
            }

            denied = [.. _waiting];
            _waiting.Clear();
        }

        foreach (var request in denied)
        {
            request.Deny();
        }
    }

    private void ReleaseSlot()
    {
        SlotRequest? next = null;
        lock (Sync)
        {
            if (!IsCancelling && _waiting is { Count: > 0 })
            {
                next = _waiting.Dequeue();
            }
            else
            {
                _slotsInUse--;
            }
        }

        // The slot passes to the next request without ever becoming free, so the limit holds.
        next?.Grant();
    }

    private void Complete()
    {
        _outerRegistration.Unregister();
        _outerRegistration = default;
        _timer?.Dispose();
        _timer = null;
        List<CancellationTokenSource>? shields = null;
        List<Exception>? errors = null;
        Exception? critical = null;

        // No lock yet means nobody ever recorded an error, queued for a slot or took a shield: nothing to collect.
        if (Volatile.Read(ref _lockObject) is { } sync)
        {
            lock (sync)
            {
                shields = _shields;
                errors = _errors;
                critical = _critical;
                _shields = null;
                _stalledFailures = null;
                _errors = null;
                _critical = null;
                _waiting = null;
            }
        }

        if (shields is not null)
        {
            foreach (var shield in shields)
            {
                shield.Dispose();
            }
        }

        _registration.Dispose();
        var result = _bodyResult;
        _bodyResult = default;
        var outer = _outer;

        // After completion the group holds no reference to the caller's token source, children or errors (C21).
        _outer = default;
        Dispose();

        if (critical is not null)
        {
            if (errors is { Count: > 0 })
            {
                TaskGroup.ReportUnobserved(Name, errors.Count == 1 ? errors[0] : new TaskGroupException(Describe(errors), errors));
            }

            PendingSource().SetException(critical);
        }
        else if (errors is { Count: > 0 })
        {
            if (_options.Errors == ErrorMode.First)
            {
                if (errors.Count > 1)
                {
                    TaskGroupException.AttachSuppressed(errors[0], [.. errors.Skip(1)]);
                }

                PendingSource().SetException(errors[0]);
            }
            else
            {
                PendingSource().SetException(new TaskGroupException(Describe(errors), errors));
            }
        }
        else if (Volatile.Read(ref _outerFired) == 1)
        {
            PendingSource().SetCanceled(outer);
        }
        else if (Volatile.Read(ref _timedOut) == 1)
        {
            PendingSource().SetException(new TimeoutException($"Task group '{Name}' timed out after {_options.Timeout}."));
        }
        else if (_requiresBodyResult && !_bodyReturned)
        {
            // Cancel() stopped the body before it produced a value: there is no result to return.
            PendingSource().SetCanceled(_token);
        }
        else if (Volatile.Read(ref _completion) is not null || Interlocked.CompareExchange(ref _completion, System.Threading.Tasks.Task.FromResult(result!), null) is not null)
        {
            // Someone already holds the pending task; otherwise the finished task went in, with no source at all.
            PendingSource().SetResult(result!);
        }
    }

    /// <summary>The completion source behind a task handed out before the group finished (only Complete calls this, so no finished task can be stored yet).</summary>
    private TaskCompletionSource<TResult> PendingSource() => (TaskCompletionSource<TResult>)CompletionOrSource();

    /// <summary>The finished group's task if it went in first, else the completion source, which this installs if absent.</summary>
    private object CompletionOrSource()
    {
        if (Volatile.Read(ref _completion) is { } current)
        {
            return current;
        }

        var created = new TaskCompletionSource<TResult>();
        return Interlocked.CompareExchange(ref _completion, created, null) ?? created;
    }

    private string Describe(List<Exception> errors) =>
        $"Task group '{Name}' failed with {errors.Count} error(s); the first: {errors[0].GetType().Name}: {errors[0].Message}";
}
#pragma warning restore CA1031
