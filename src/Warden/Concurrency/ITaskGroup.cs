namespace Warden;

/// <summary>
/// A running task group: spawn children into it, cancel it, shield cleanup. The group's task (from
/// <see cref="TaskGroup.RunAsync(Func{ITaskGroup, CancellationToken, Task}, CancellationToken, TaskGroupOptions?, string, string, int)"/>
/// or <see cref="ScopedTaskGroup.JoinAsync"/>) completes only after the body and every child have finished.
/// </summary>
public interface ITaskGroup
{
    /// <summary>The group's token: cancelled by the first failure, <see cref="Cancel"/>, the timeout or the outer token.</summary>
    CancellationToken Token { get; }

    /// <summary>The group's name in metrics and the work registry.</summary>
    string Name { get; }

    /// <summary>Starts a child owned by the group.</summary>
    /// <param name="work">The child; it receives <see cref="Token"/>.</param>
    /// <param name="name">A name for the child (registry, supervisor callbacks).</param>
    /// <returns>The child, awaitable for its own outcome.</returns>
    /// <exception cref="TaskGroupClosedException">The group is cancelling or finished; <paramref name="work"/> was not invoked.</exception>
    ChildTask Spawn(Func<CancellationToken, Task> work, string? name = null);

    /// <summary>Starts a child with a result owned by the group.</summary>
    /// <typeparam name="T">The child's result.</typeparam>
    /// <param name="work">The child; it receives <see cref="Token"/>.</param>
    /// <param name="name">A name for the child.</param>
    /// <returns>The child, awaitable for its result.</returns>
    /// <exception cref="TaskGroupClosedException">The group is cancelling or finished; <paramref name="work"/> was not invoked.</exception>
    ChildTask<T> Spawn<T>(Func<CancellationToken, Task<T>> work, string? name = null);

    /// <summary>Waits for a free <see cref="TaskGroupOptions.MaxConcurrency"/> slot, then starts the child (backpressure).</summary>
    /// <typeparam name="T">The child's result.</typeparam>
    /// <param name="work">The child; it receives <see cref="Token"/>.</param>
    /// <param name="name">A name for the child.</param>
    /// <returns>The started child.</returns>
    /// <exception cref="OperationCanceledException">The group started cancelling (carries <see cref="Token"/>; the group treats it as benign).</exception>
    /// <exception cref="TaskGroupClosedException">The group has finished.</exception>
    ValueTask<ChildTask<T>> SpawnAsync<T>(Func<CancellationToken, Task<T>> work, string? name = null);

    /// <summary>Waits for a free slot, then starts the child (backpressure).</summary>
    /// <param name="work">The child; it receives <see cref="Token"/>.</param>
    /// <param name="name">A name for the child.</param>
    /// <returns>The started child.</returns>
    /// <exception cref="OperationCanceledException">The group started cancelling (carries <see cref="Token"/>).</exception>
    /// <exception cref="TaskGroupClosedException">The group has finished.</exception>
    ValueTask<ChildTask> SpawnAsync(Func<CancellationToken, Task> work, string? name = null);

    /// <summary>
    /// Starts a child and waits until it calls <see cref="IStartStatus{TStart}.Started"/> (trio's <c>start</c>). Until then the
    /// child's errors are thrown here instead of into the group, and cancelling <paramref name="cancellationToken"/> cancels it.
    /// </summary>
    /// <typeparam name="TStart">The value the child reports when ready.</typeparam>
    /// <param name="work">The child.</param>
    /// <param name="cancellationToken">Cancels the child while it has not started.</param>
    /// <returns>The value passed to <c>Started</c>.</returns>
    /// <exception cref="InvalidOperationException">The child finished without calling <c>Started</c>.</exception>
    Task<TStart> StartAsync<TStart>(Func<IStartStatus<TStart>, CancellationToken, Task> work, CancellationToken cancellationToken = default);

    /// <summary>Cancels the body and the children; the group then ends without an error unless failures were recorded. Idempotent.</summary>
    void Cancel();

    /// <summary>
    /// A token that is NOT linked to the group or outer tokens and is cancelled after <paramref name="budget"/>: for cleanup in
    /// <c>finally</c> blocks of a cancelled child (<c>await conn.GoodbyeAsync(group.Shield(TimeSpan.FromSeconds(2)))</c>).
    /// The group still waits for the work that uses it.
    /// </summary>
    /// <param name="budget">How long the cleanup may take (measured on the group's <see cref="TimeProvider"/>).</param>
    /// <returns>The shield token.</returns>
    CancellationToken Shield(TimeSpan budget);
}
