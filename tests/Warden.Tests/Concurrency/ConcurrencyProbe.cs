namespace Warden.Tests.Concurrency;

/// <summary>Counts how many pieces of work are in progress at once and the peak.</summary>
internal sealed class ConcurrencyProbe
{
    private int _current;
    private int _peak;
    private int _completed;

    public int Peak => Volatile.Read(ref _peak);

    public int Completed => Volatile.Read(ref _completed);

    public int Current => Volatile.Read(ref _current);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _current);
        var peak = Volatile.Read(ref _peak);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    public void Exit()
    {
        Interlocked.Decrement(ref _current);
        Interlocked.Increment(ref _completed);
    }
}
