namespace Warden.Testing;

/// <summary>A schedule explored by <see cref="AsyncTest.Explore"/> failed; <see cref="Seed"/> replays it.</summary>
public sealed class AsyncScheduleException : AsyncAssertionException
{
    /// <summary>Creates the exception with a default message.</summary>
    public AsyncScheduleException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public AsyncScheduleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The body's failure under the schedule.</param>
    public AsyncScheduleException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failing schedule.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="seed">The failing schedule's seed.</param>
    /// <param name="schedule">The 1-based index of the failing schedule in the exploration.</param>
    /// <param name="innerException">The body's failure under the schedule.</param>
    public AsyncScheduleException(string message, int seed, int schedule, Exception? innerException)
        : base(message, innerException)
    {
        Seed = seed;
        Schedule = schedule;
    }

    /// <summary>The failing schedule's seed: <c>AsyncTest.Explore(body, schedules: 1, seed: Seed)</c> replays it exactly.</summary>
    public int Seed { get; }

    /// <summary>The 1-based index of the failing schedule in its exploration.</summary>
    public int Schedule { get; }
}
