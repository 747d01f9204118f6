namespace Warden.Bench.Engine;

/// <summary>
/// Owns the open model's in-flight sends: counts them and completes <see cref="WhenDrained"/> once the schedule
/// has ended and the last one finished, so the run awaits every request it started.
/// </summary>
internal sealed class InFlightTracker
{
    private readonly TaskCompletionSource _drained = new();
    private long _count = 1; // the schedule itself holds one until it ends

    /// <summary>Requests in flight now.</summary>
    public long Count => Interlocked.Read(ref _count) - (_drained.Task.IsCompleted ? 0 : 1);

    /// <summary>Completes when the schedule ended and nothing is in flight.</summary>
    public Task WhenDrained => _drained.Task;

    /// <summary>Tracks <paramref name="send"/> until it completes.</summary>
    public void Track(Task send)
    {
        Interlocked.Increment(ref _count);
#pragma warning disable WD301 // The continuation only decrements a counter and cannot fault; WhenDrained is what callers await.
        send.ContinueWith(static (_, state) => ((InFlightTracker)state!).Release(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
#pragma warning restore WD301
    }

    /// <summary>The schedule has ended: no more sends will be tracked.</summary>
    public void ScheduleEnded() => Release();

    private void Release()
    {
        if (Interlocked.Decrement(ref _count) == 0)
        {
            _drained.TrySetResult();
        }
    }
}
