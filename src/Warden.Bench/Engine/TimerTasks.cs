namespace Warden.Bench.Engine;

/// <summary>
/// Delays and bounds on a <see cref="TimeProvider"/> whose continuations run on the thread that fires the timer.
/// (<c>Task.Delay(TimeSpan, TimeProvider)</c> resumes on the thread pool, so a fake clock would race the run it
/// drives; these keep an engine run on a fake clock exactly reproducible.)
/// </summary>
internal static class TimerTasks
{
    /// <summary>Completes after <paramref name="delay"/> on <paramref name="time"/>, or is cancelled by the token.</summary>
    public static Task DelayAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var completion = new TaskCompletionSource();
        var timer = time.CreateTimer(static state => ((TaskCompletionSource)state!).TrySetResult(), completion, delay, Timeout.InfiniteTimeSpan);
        var registration = cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), completion);
#pragma warning disable WD301 // The continuation only disposes the timer and registration and cannot fault.
        completion.Task.ContinueWith(
            (_, _) =>
            {
                registration.Dispose();
                timer.Dispose();
            },
            null,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
#pragma warning restore WD301
        return completion.Task;
    }

    /// <summary>
    /// Awaits <paramref name="task"/> for at most <paramref name="bound"/>; returns false when the bound passed first
    /// (the task is then left to its own cancellation).
    /// </summary>
    public static async Task<bool> WithinAsync(Task task, TimeProvider time, TimeSpan bound, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = DelayAsync(time, bound, stop.Token);
        var first = await Task.WhenAny(task, limit).ConfigureAwait(false);
        StopLimit(stop); // synchronously: CancelAsync would resume this run on the thread pool
        if (first != task)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return false;
        }

        await task.ConfigureAwait(false);
        return true;
    }

    private static void StopLimit(CancellationTokenSource stop) => stop.Cancel();
}
