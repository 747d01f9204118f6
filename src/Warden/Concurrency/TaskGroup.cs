using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Warden.Diagnostics;

namespace Warden;

/// <summary>
/// Structured concurrency for .NET: every task has an owner that awaits it, the first failure cancels its siblings
/// and surfaces, no error is dropped, and fan-out is bounded. See <c>docs/task-groups.md</c>.
/// </summary>
public static class TaskGroup
{
    /// <summary>
    /// Errors that have no other way out: children's errors when a <see cref="ScopedTaskGroup"/> is disposed without a
    /// join, and the other errors when a critical exception (<see cref="TaskGroupOptions.IsCritical"/>) propagates alone.
    /// They are also counted on <c>warden.taskgroup.unobserved</c>.
    /// </summary>
    public static event EventHandler<TaskGroupUnobservedExceptionEventArgs>? UnobservedException;

    /// <summary>
    /// Runs <paramref name="body"/> as the owner of a new group and completes only after the body and every child have
    /// finished. The first failure (child or body) cancels the group's token; all failures are reported together.
    /// </summary>
    /// <param name="body">Spawns children through the group and may await them; receives the group's token.</param>
    /// <param name="cancellationToken">The caller's token; the group's token is linked to it.</param>
    /// <param name="options">Failure and error modes, limit, timeout, name, clock; <see langword="null"/> for the defaults.</param>
    /// <param name="callerMember">Filled in by the compiler: the group's default name.</param>
    /// <param name="callerFile">Filled in by the compiler: the start site.</param>
    /// <param name="callerLine">Filled in by the compiler: the start site.</param>
    /// <returns>
    /// A task that succeeds when nothing failed; faults with one <see cref="TaskGroupException"/> (or the first failure with
    /// <see cref="ErrorMode.First"/>) when anything failed, even during cancellation; is cancelled with
    /// <paramref name="cancellationToken"/> when that was cancelled and nothing failed; faults with
    /// <see cref="TimeoutException"/> when the group's own timeout fired and nothing failed.
    /// </returns>
    [SuppressMessage("Design", "CA1068:CancellationToken parameters must come last", Justification = "The design note fixes this public shape: the token before the options, as callers pass it far more often; only compiler-filled caller info follows.")]
    public static Task RunAsync(
        Func<ITaskGroup, CancellationToken, Task> body,
        CancellationToken cancellationToken = default,
        TaskGroupOptions? options = null,
        [CallerMemberName] string callerMember = "",
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var core = new TaskGroupCore<bool>(options, callerMember, WorkRegistry.DescribeStartSite(callerMember, callerFile, callerLine), requiresBodyResult: false, cancellationToken);
        core.RunBody(body);
        return core.Completion;
    }

    /// <summary>Like <see cref="RunAsync(Func{ITaskGroup, CancellationToken, Task}, CancellationToken, TaskGroupOptions?, string, string, int)"/>, returning the body's value once every child has finished.</summary>
    /// <typeparam name="T">The body's result.</typeparam>
    /// <param name="body">Spawns children and computes the result.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="options">Group options.</param>
    /// <param name="callerMember">Filled in by the compiler.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    /// <returns>The body's value; outcomes as for the non-generic form. If <see cref="ITaskGroup.Cancel"/> stopped the body before it returned, the task is cancelled.</returns>
    [SuppressMessage("Design", "CA1068:CancellationToken parameters must come last", Justification = "The design note fixes this public shape: the token before the options, as callers pass it far more often; only compiler-filled caller info follows.")]
    public static Task<T> RunAsync<T>(
        Func<ITaskGroup, CancellationToken, Task<T>> body,
        CancellationToken cancellationToken = default,
        TaskGroupOptions? options = null,
        [CallerMemberName] string callerMember = "",
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var core = new TaskGroupCore<T>(options, callerMember, WorkRegistry.DescribeStartSite(callerMember, callerFile, callerLine), requiresBodyResult: true, cancellationToken);
        core.RunBody(body);
        return core.Completion;
    }

    /// <summary>
    /// Opens a group for <c>await using</c>; end the block with <see cref="ScopedTaskGroup.JoinAsync"/>. Prefer
    /// <see cref="RunAsync(Func{ITaskGroup, CancellationToken, Task}, CancellationToken, TaskGroupOptions?, string, string, int)"/>:
    /// only it sees an exception leaving the body.
    /// </summary>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="options">Group options.</param>
    /// <param name="callerMember">Filled in by the compiler.</param>
    /// <param name="callerFile">Filled in by the compiler.</param>
    /// <param name="callerLine">Filled in by the compiler.</param>
    /// <returns>The running group.</returns>
    [SuppressMessage("Design", "CA1068:CancellationToken parameters must come last", Justification = "The design note fixes this public shape: the token before the options, as callers pass it far more often; only compiler-filled caller info follows.")]
    public static ScopedTaskGroup Create(
        CancellationToken cancellationToken = default,
        TaskGroupOptions? options = null,
        [CallerMemberName] string callerMember = "",
        [CallerFilePath] string callerFile = "",
        [CallerLineNumber] int callerLine = 0) =>
        new(new TaskGroupCore<bool>(options, callerMember, WorkRegistry.DescribeStartSite(callerMember, callerFile, callerLine), requiresBodyResult: false, cancellationToken));

    /// <summary>
    /// Runs <paramref name="body"/> for every item with at most <paramref name="maxConcurrency"/> running at once, as a
    /// worker pool: <paramref name="maxConcurrency"/> workers pull lazily from the source, so memory stays O(limit).
    /// Fails fast like a group: the first failure stops the pulling and cancels the others, and all failures are reported.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; enumerated once, lazily, under a lock.</param>
    /// <param name="maxConcurrency">How many items may be in progress at once (at least 1).</param>
    /// <param name="body">The work per item; receives the group's token.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="callerMember">Filled in by the compiler: the group's name.</param>
    /// <returns>A task with the outcome rules of <c>RunAsync</c>.</returns>
    public static Task ForEachAsync<T>(
        IEnumerable<T> source,
        int maxConcurrency,
        Func<T, CancellationToken, ValueTask> body,
        CancellationToken cancellationToken = default,
        [CallerMemberName] string callerMember = "")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        return ForEachCoreAsync(source, maxConcurrency, body, callerMember, cancellationToken);
    }

    /// <summary>Like the <see cref="IEnumerable{T}"/> form, over an async source (pulled by one worker at a time).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; opened with the group's token.</param>
    /// <param name="maxConcurrency">How many items may be in progress at once (at least 1).</param>
    /// <param name="body">The work per item.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="callerMember">Filled in by the compiler: the group's name.</param>
    /// <returns>A task with the outcome rules of <c>RunAsync</c>.</returns>
    public static Task ForEachAsync<T>(
        IAsyncEnumerable<T> source,
        int maxConcurrency,
        Func<T, CancellationToken, ValueTask> body,
        CancellationToken cancellationToken = default,
        [CallerMemberName] string callerMember = "")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        return ForEachAsyncCoreAsync(source, maxConcurrency, body, callerMember, cancellationToken);
    }

    /// <summary>
    /// Maps every item with at most <paramref name="maxConcurrency"/> in progress (a worker pool, O(limit) live tasks) and
    /// returns the results in input order.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="source">The items.</param>
    /// <param name="maxConcurrency">How many items may be in progress at once (at least 1).</param>
    /// <param name="selector">The work per item.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="callerMember">Filled in by the compiler: the group's name.</param>
    /// <returns>The results, <c>results[i]</c> for the i-th item; outcomes as for <c>RunAsync</c>.</returns>
    public static Task<TResult[]> SelectAsync<T, TResult>(
        IEnumerable<T> source,
        int maxConcurrency,
        Func<T, CancellationToken, ValueTask<TResult>> selector,
        CancellationToken cancellationToken = default,
        [CallerMemberName] string callerMember = "")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        return SelectCoreAsync(source, maxConcurrency, selector, callerMember, cancellationToken);
    }

    /// <summary>
    /// Runs the racers in a group; the first success wins and cancels the rest, a losing result that is disposable is
    /// disposed. Failures count only if every racer fails (then one <see cref="TaskGroupException"/> holds them all).
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="racers">The competing operations.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="callerMember">Filled in by the compiler: the group's name.</param>
    /// <returns>The winner's result.</returns>
    /// <exception cref="OperationCanceledException">No racer produced a result (none given, or all cancelled).</exception>
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> racers,
        CancellationToken cancellationToken = default,
        [CallerMemberName] string callerMember = "")
    {
        ArgumentNullException.ThrowIfNull(racers);
        var list = racers.ToList();
        var race = new RaceState<T>();
        var options = new TaskGroupOptions { Name = callerMember, Mode = FailureMode.Supervisor, OnChildFault = race.OnFault };
        await RunAsync(
            (group, _) =>
            {
                foreach (var racer in list)
                {
                    group.Spawn(token => race.RunRacerAsync(racer, group, token));
                }

                return Task.CompletedTask;
            },
            cancellationToken,
            options,
            callerMember).ConfigureAwait(false);
        return race.Result();
    }

    internal static void ReportUnobserved(string groupName, Exception exception)
    {
        ConcurrencyInstruments.GroupUnobserved.Add(1, new KeyValuePair<string, object?>(ConcurrencyInstruments.OwnerTag, groupName));
        var handlers = UnobservedException;
        if (handlers is null)
        {
            return;
        }

        var args = new TaskGroupUnobservedExceptionEventArgs(groupName, exception);
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<TaskGroupUnobservedExceptionEventArgs>>())
        {
            try
            {
                handler(null, args);
            }
#pragma warning disable CA1031 // The last-resort channel must reach every handler; a handler's own bug has nowhere further to go.
            catch (Exception)
#pragma warning restore CA1031
            {
                ConcurrencyInstruments.GroupUnobserved.Add(1, new KeyValuePair<string, object?>(ConcurrencyInstruments.OwnerTag, groupName));
            }
        }
    }

    private static int WorkerCount<T>(IEnumerable<T> source, int maxConcurrency) =>
        source.TryGetNonEnumeratedCount(out var count) ? Math.Max(1, Math.Min(count, maxConcurrency)) : maxConcurrency;

    private static Task SpawnWorkers(ITaskGroup group, int workers, Func<CancellationToken, Task> worker)
    {
        for (var i = 0; i < workers; i++)
        {
            group.Spawn(worker, "worker");
        }

        return Task.CompletedTask;
    }

    private static TaskGroupOptions PoolOptions(string name) => new() { Name = name, Start = StartMode.Queued };

    private static async Task ForEachCoreAsync<T>(IEnumerable<T> source, int maxConcurrency, Func<T, CancellationToken, ValueTask> body, string name, CancellationToken cancellationToken)
    {
        var workers = WorkerCount(source, maxConcurrency);
        using var enumerator = source.GetEnumerator();
        var pool = new EnumerableWorkerPool<T, bool>(enumerator, body);
        await RunAsync((group, _) => SpawnWorkers(group, workers, pool.RunWorkerAsync), cancellationToken, PoolOptions(name), name).ConfigureAwait(false);
    }

    private static async Task ForEachAsyncCoreAsync<T>(IAsyncEnumerable<T> source, int maxConcurrency, Func<T, CancellationToken, ValueTask> body, string name, CancellationToken cancellationToken)
    {
        var pool = new AsyncEnumerableWorkerPool<T>(source, body);
        try
        {
            await RunAsync(
                (group, token) =>
                {
                    pool.Open(token);
                    return SpawnWorkers(group, maxConcurrency, pool.RunWorkerAsync);
                },
                cancellationToken,
                PoolOptions(name),
                name).ConfigureAwait(false);
        }
        finally
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<TResult[]> SelectCoreAsync<T, TResult>(IEnumerable<T> source, int maxConcurrency, Func<T, CancellationToken, ValueTask<TResult>> selector, string name, CancellationToken cancellationToken)
    {
        int? knownCount = source.TryGetNonEnumeratedCount(out var count) ? count : null;
        var workers = WorkerCount(source, maxConcurrency);
        using var enumerator = source.GetEnumerator();
        var pool = new EnumerableWorkerPool<T, TResult>(enumerator, selector, knownCount);
        await RunAsync((group, _) => SpawnWorkers(group, workers, pool.RunWorkerAsync), cancellationToken, PoolOptions(name), name).ConfigureAwait(false);
        return pool.Results();
    }
}
