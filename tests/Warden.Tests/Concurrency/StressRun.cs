using System.Collections.Concurrent;

namespace Warden.Tests.Concurrency;

/// <summary>Executes one top-level stress plan and keeps the books: children started/finished, failures thrown/handled.</summary>
internal sealed class StressRun
{
    private readonly CancellationTokenSource _caller;
    private int _started;
    private int _finished;

    public StressRun(CancellationTokenSource caller) => _caller = caller;

    public ConcurrentBag<int> Thrown { get; } = [];

    public ConcurrentBag<int> Handled { get; } = [];

    public int Started => Volatile.Read(ref _started);

    public int Finished => Volatile.Read(ref _finished);

    public Task RunGroupAsync(StressPlan plan, CancellationToken token)
    {
        var options = new TaskGroupOptions
        {
            Mode = plan.Mode,
            Start = plan.Start,
            MaxConcurrency = plan.Limit == 0 ? int.MaxValue : plan.Limit,
            OnChildFault = plan.Handled ? OnHandledFault : null,
        };
        return TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                var awaited = new List<ChildTask>();
                foreach (var child in plan.Children)
                {
                    var spawned = plan.Limit > 0 && child.Yields % 2 == 0
                        ? await g.SpawnAsync(ct => RunChildAsync(g, child, ct))
                        : g.Spawn(ct => RunChildAsync(g, child, ct));
                    // With a supervisor handler the failure was already reported there; a body rethrowing it reports it again by choice.
                    if (child.Action == StressAction.FailAwaitedByBody && !plan.Handled)
                    {
                        awaited.Add(spawned);
                    }
                }

                foreach (var child in awaited)
                {
                    await child;
                }
            },
            token,
            options);
    }

    private async Task RunChildAsync(ITaskGroup group, StressPlan plan, CancellationToken token)
    {
        Interlocked.Increment(ref _started);
        try
        {
            for (var i = 0; i < plan.Yields; i++)
            {
                await Task.Yield();
            }

            switch (plan.Action)
            {
                case StressAction.Fail:
                case StressAction.FailAwaitedByBody:
                    throw Throw(plan.FailureId);
                case StressAction.FailWhenCancelled:
                    if (token.IsCancellationRequested)
                    {
                        throw Throw(plan.FailureId);
                    }

                    break;
                case StressAction.StopWhenCancelled:
                    token.ThrowIfCancellationRequested();
                    break;
                case StressAction.CancelGroup:
                    group.Cancel();
                    break;
                case StressAction.CancelCaller:
                    await _caller.CancelAsync();
                    break;
                case StressAction.Nested:
                    await RunGroupAsync(plan, token);
                    break;
                default:
                    break;
            }
        }
        finally
        {
            Interlocked.Increment(ref _finished);
        }
    }

    /// <summary>Collects the planned failure ids inside an exception tree; anything else is a bug in the group.</summary>
    public static void Collect(Exception exception, List<int> ids)
    {
        switch (exception)
        {
            case StressFailureException failure:
                ids.Add(failure.Id);
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, ids);
                }

                break;
            default:
                throw new InvalidOperationException($"unexpected failure surfaced: {exception}");
        }
    }

    private void OnHandledFault(TaskGroupChildFault fault)
    {
        var ids = new List<int>();
        Collect(fault.Exception, ids);
        foreach (var id in ids)
        {
            Handled.Add(id);
        }
    }

    private StressFailureException Throw(int id)
    {
        Thrown.Add(id);
        return new StressFailureException(id);
    }
}
