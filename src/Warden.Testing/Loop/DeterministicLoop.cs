using System.Diagnostics;
using System.Text;

namespace Warden.Testing.Loop;

/// <summary>
/// A single-threaded event loop with virtual time: runs ready work one item at a time on the calling thread, picks the
/// next item FIFO or from a seeded random choice (schedule exploration), jumps the clock to the next timer when idle,
/// and fails with what is waiting instead of hanging.
/// </summary>
internal sealed class DeterministicLoop
{
    private const int MaxStepsAfterBody = 100_000;
    private readonly object _gate = new();
    private readonly List<LoopWorkItem> _ready = [];
    private readonly Random? _schedule;
    private readonly AsyncTestOptions _options;
    private readonly LoopTaskScheduler _scheduler;
    private readonly LoopSynchronizationContext _context;
    private int _loopThreadId;
    private bool _closed;

    public DeterministicLoop(AsyncTestOptions options, Random? schedule)
    {
        _options = options;
        _schedule = schedule;
        Time = new LoopTimeProvider(options.StartTime);
        _scheduler = new LoopTaskScheduler(this);
        _context = new LoopSynchronizationContext(this, options.ExternalWorkGrace);
    }

    public LoopTimeProvider Time { get; }

    public bool IsLoopThread => Environment.CurrentManagedThreadId == Volatile.Read(ref _loopThreadId);

    public void Enqueue(LoopWorkItem item)
    {
        lock (_gate)
        {
            if (!_closed)
            {
                _ready.Add(item);
                Monitor.PulseAll(_gate);
                return;
            }
        }

        // The run is over: late continuations must still run somewhere rather than vanish.
        ThreadPool.UnsafeQueueUserWorkItem(Execute, item, preferLocal: false);
    }

    public IEnumerable<Task> QueuedTasks()
    {
        lock (_gate)
        {
            return [.. _ready.Where(i => i.Task is not null).Select(i => i.Task!)];
        }
    }

    public void Run(Func<AsyncTestContext, Task> body, int? seed)
    {
        var previous = SynchronizationContext.Current;
        _loopThreadId = Environment.CurrentManagedThreadId;
        using var runToken = CancellationTokenSource.CreateLinkedTokenSource(_options.CancellationToken);
        var context = new AsyncTestContext(Time, seed, runToken.Token);
        var realStart = Stopwatch.GetTimestamp();
        var virtualStart = Time.GetUtcNow();
        SynchronizationContext.SetSynchronizationContext(_context);
        try
        {
            var started = Task.Factory.StartNew(() => body(context), CancellationToken.None, TaskCreationOptions.None, _scheduler);
            var bodyTask = started.Unwrap();
            while (!bodyTask.IsCompleted)
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
                if (Stopwatch.GetElapsedTime(realStart) > _options.RealTimeout)
                {
                    throw Stuck($"The body did not finish within {Eventually.Format(_options.RealTimeout)} of real time.", Root(started, bodyTask));
                }

                if (Time.GetUtcNow() - virtualStart > _options.MaxVirtualTime)
                {
                    throw Stuck($"The body did not finish within {Eventually.Format(_options.MaxVirtualTime)} of virtual time (a timer loop that never ends?).", Root(started, bodyTask));
                }

                if (TryRunOne() || AdvanceTime() || WaitForExternalWork())
                {
                    continue;
                }

                throw Stuck(
                    "Deadlock: the body is still waiting, but nothing on the loop can run, no timer is pending on ctx.Time, " +
                    $"and nothing arrived from outside the loop within {Eventually.Format(_options.ExternalWorkGrace)}.",
                    Root(started, bodyTask));
            }

            // Let work that is already runnable finish, then anything still queued or timed is left behind.
            for (var steps = 0; steps < MaxStepsAfterBody && TryRunOne(); steps++)
            {
            }

            if (bodyTask.IsFaulted || bodyTask.IsCanceled)
            {
                bodyTask.GetAwaiter().GetResult();
            }

            ThrowIfWorkLeftBehind();
        }
        finally
        {
            lock (_gate)
            {
                _closed = true;
            }

            SynchronizationContext.SetSynchronizationContext(previous);
            runToken.Cancel();
            DrainAfterClose();
        }
    }

    private void Execute(LoopWorkItem item)
    {
        if (item.Task is { } task)
        {
            _scheduler.Execute(task);
        }
        else
        {
            item.Callback!(item.State);
        }
    }

    // The body's own async method, for describing what it waits on (the unwrap promise around it says nothing).
    private static Task Root(Task<Task> started, Task bodyTask) => started.IsCompletedSuccessfully ? started.Result : bodyTask;

    private bool AdvanceTime()
    {
        // Timer callbacks run here, on the loop thread. Without a current context, continuations they release are
        // posted to the loop instead of running inline in timer order, so the schedule decides their order.
        var loopContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return Time.AdvanceToNextTimer();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(loopContext);
        }
    }

    private bool TryRunOne()
    {
        LoopWorkItem item;
        lock (_gate)
        {
            if (_ready.Count == 0)
            {
                return false;
            }

            // The schedule: FIFO for Run; a seeded choice among all ready items for Explore.
#pragma warning disable CA5394 // Not security: a seeded, replayable choice of order.
            var index = _schedule is null ? 0 : _schedule.Next(_ready.Count);
#pragma warning restore CA5394
            item = _ready[index];
            _ready.RemoveAt(index);
        }

        Execute(item);
        return true;
    }

    private bool WaitForExternalWork()
    {
        lock (_gate)
        {
            return _ready.Count > 0 || (Monitor.Wait(_gate, _options.ExternalWorkGrace) && _ready.Count > 0);
        }
    }

    private void ThrowIfWorkLeftBehind()
    {
        int ready;
        lock (_gate)
        {
            ready = _ready.Count;
        }

        var timers = Time.Pending();
        if (ready == 0 && timers.Count == 0)
        {
            return;
        }

        var message = new StringBuilder("The body finished but left work behind (a leak: something started it and nobody awaited it):");
        if (ready > 0)
        {
            message.AppendLine().Append("  ").Append(ready).Append(" continuation(s) still runnable after ").Append(MaxStepsAfterBody).Append(" steps (a loop that keeps rescheduling itself)");
        }

        foreach (var timer in timers)
        {
            message.AppendLine().Append("  a timer due at +").Append(Eventually.Format(timer.NextDue!.Value - Time.GetUtcNow()))
                .Append(timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan ? " (periodic)" : string.Empty)
                .Append(", created by ").Append(AsyncChainDescriber.FirstUserFrame(timer.CreatedAt));
        }

        throw new AsyncAssertionException(message.ToString());
    }

    private AsyncAssertionException Stuck(string reason, Task bodyTask)
    {
        var message = new StringBuilder(reason).AppendLine().Append("Still waiting:");
        AsyncChainDescriber.Describe(bodyTask, message, 1);
        var timers = Time.Pending();
        if (timers.Count > 0)
        {
            message.AppendLine().Append("Pending timers: ").Append(timers.Count);
        }

        return new AsyncAssertionException(message.ToString());
    }

    private void DrainAfterClose()
    {
        List<LoopWorkItem> left;
        lock (_gate)
        {
            left = [.. _ready];
            _ready.Clear();
        }

        foreach (var item in left)
        {
            ThreadPool.UnsafeQueueUserWorkItem(Execute, item, preferLocal: false);
        }
    }
}
