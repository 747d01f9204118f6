namespace Warden;

/// <summary>
/// Bounds how long a failure can wait in a <see cref="DeferredChildren"/> ring: every <see cref="Period"/>, a timer
/// looks at each thread's ring, and in one whose thread has not touched it for a whole period reports the children
/// that already failed to their group, which then cancels as it would have on the spot. Without it, a group body that
/// blocks after spawning (or a long synchronous child) could wait forever for siblings that only end once cancelled.
/// </summary>
/// <remarks>
/// The timer runs only while some ring holds children: it stops at a tick that finds every ring empty, and the next
/// thread to defer a child starts it again.
/// </remarks>
internal static class DeferredChildWatchdog
{
    /// <summary>How often rings are checked: a failure waits at most about two periods on a stalled thread.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    private static readonly Lock s_lock = new();
    private static readonly List<WeakReference<DeferredChildren>> s_rings = [];
    private static Timer? s_timer;
    private static volatile bool s_armed;
    private static int s_ticking;

    /// <summary>Whether the timer is running (for tests: it must stop once no ring holds children).</summary>
    internal static bool IsArmed => s_armed;

    /// <summary>Starts watching a thread's ring; the ring is dropped once its thread is gone.</summary>
    /// <param name="ring">The ring.</param>
    public static void Register(DeferredChildren ring)
    {
        lock (s_lock)
        {
            s_rings.Add(new WeakReference<DeferredChildren>(ring));
        }
    }

    /// <summary>Called by a thread whose ring has just received its first child: makes sure the timer runs.</summary>
    public static void RingInUse()
    {
        // Pairs with the barrier in Tick: either this thread sees the timer armed, or the tick sees this ring in use.
        Interlocked.MemoryBarrier();
        if (!s_armed)
        {
            Arm();
        }
    }

    private static void Arm()
    {
        lock (s_lock)
        {
            if (s_armed)
            {
                return;
            }

            if (s_timer is null)
            {
                // The timer must not capture the first caller's execution context (its AsyncLocals) for good.
                using (ExecutionContext.SuppressFlow())
                {
                    s_timer = new Timer(static _ => Tick(), null, Timeout.Infinite, Timeout.Infinite);
                }
            }

            s_armed = true;
            s_timer.Change(Period, Period);
        }
    }

    private static void Tick()
    {
        if (Interlocked.Exchange(ref s_ticking, 1) != 0)
        {
            return;
        }

        try
        {
            if (!InspectAll())
            {
                Disarm();
            }
        }
        finally
        {
            Volatile.Write(ref s_ticking, 0);
        }
    }

    private static bool InspectAll()
    {
        DeferredChildren?[] rings;
        lock (s_lock)
        {
            s_rings.RemoveAll(static reference => !reference.TryGetTarget(out _));
            rings = new DeferredChildren?[s_rings.Count];
            for (var i = 0; i < rings.Length; i++)
            {
                rings[i] = s_rings[i].TryGetTarget(out var ring) ? ring : null;
            }
        }

        var inUse = false;
        foreach (var ring in rings)
        {
            if (ring is not null && ring.InspectIfStalled())
            {
                inUse = true;
            }
        }

        return inUse;
    }

    private static void Disarm()
    {
        lock (s_lock)
        {
            s_armed = false;
            Interlocked.MemoryBarrier();
            foreach (var reference in s_rings)
            {
                if (reference.TryGetTarget(out var ring) && ring.Count > 0)
                {
                    // A thread deferred a child since the scan; it saw the timer armed, so it stays armed.
                    s_armed = true;
                    return;
                }
            }

            s_timer!.Change(Timeout.Infinite, Timeout.Infinite);
        }
    }
}
