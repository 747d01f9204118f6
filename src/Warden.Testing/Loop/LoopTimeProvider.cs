using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Warden.Testing.Loop;

/// <summary>
/// The loop's virtual clock: a <see cref="FakeTimeProvider"/> that also tracks its timers, so the loop can jump to the next
/// one when idle (trio's autojump) and name the timers still pending when the run ends.
/// </summary>
internal sealed class LoopTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _gate = new();
    private readonly List<LoopTimer> _timers = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new LoopTimer(this, new StackTrace(1, fNeedFileInfo: false));
        var inner = base.CreateTimer(
            s =>
            {
                timer.OnFired();
                callback(s);
            },
            state,
            dueTime,
            period);
        timer.Attach(inner, dueTime, period);
        return timer;
    }

    /// <summary>The timers that will still fire, soonest first.</summary>
    public IReadOnlyList<LoopTimer> Pending()
    {
        lock (_gate)
        {
            return [.. _timers.Where(t => t.NextDue is not null).OrderBy(t => t.NextDue)];
        }
    }

    /// <summary>Advances to the next pending timer; <see langword="false"/> when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        var pending = Pending();
        if (pending.Count == 0 || pending[0] is not { NextDue: { } due } next)
        {
            return false;
        }

        var now = GetUtcNow();
        if (due > now)
        {
            SetUtcNow(due);
        }
        else
        {
            // Already due but not fired: our bookkeeping disagrees with the fake clock's, so move past this due time.
            Advance(TimeSpan.Zero);
            if (next.NextDue == due)
            {
                next.OnMissed();
            }
        }

        return true;
    }

    public void Track(LoopTimer timer)
    {
        lock (_gate)
        {
            if (!_timers.Contains(timer))
            {
                _timers.Add(timer);
            }
        }
    }

    public void Forget(LoopTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }
}
