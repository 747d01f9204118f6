using System.Diagnostics;

namespace Warden.Testing.Loop;

/// <summary>A timer of the loop's virtual clock, wrapped so the loop knows when it is next due and who created it.</summary>
internal sealed class LoopTimer : ITimer
{
    private readonly LoopTimeProvider _owner;
    private ITimer? _inner;

    public LoopTimer(LoopTimeProvider owner, StackTrace createdAt)
    {
        _owner = owner;
        CreatedAt = createdAt;
    }

    public StackTrace CreatedAt { get; }

    /// <summary>When the timer fires next, or <see langword="null"/> when it will not fire (stopped, disposed, or a one-shot that fired).</summary>
    public DateTimeOffset? NextDue { get; private set; }

    public TimeSpan Period { get; private set; }

    public void Attach(ITimer inner, TimeSpan dueTime, TimeSpan period)
    {
        _inner = inner;
        Schedule(dueTime, period);
    }

    public void OnFired()
    {
        var periodic = Period != Timeout.InfiniteTimeSpan && Period > TimeSpan.Zero;
        NextDue = periodic ? _owner.GetUtcNow() + Period : null;
        if (NextDue is null)
        {
            _owner.Forget(this);
        }
    }

    /// <summary>Called when the loop advanced to <see cref="NextDue"/> and the timer did not fire: stop trusting the old due time.</summary>
    public void OnMissed() => OnFired();

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Schedule(dueTime, period);
        return _inner?.Change(dueTime, period) ?? false;
    }

    public void Dispose()
    {
        NextDue = null;
        _inner?.Dispose();
        _owner.Forget(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Schedule(TimeSpan dueTime, TimeSpan period)
    {
        Period = period;
        NextDue = dueTime == Timeout.InfiniteTimeSpan ? null : _owner.GetUtcNow() + dueTime;
        if (NextDue is not null)
        {
            _owner.Track(this);
        }
    }
}
