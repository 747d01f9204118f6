using Microsoft.Extensions.Time.Testing;

namespace Warden.Testing;

/// <summary>What a body run by <see cref="AsyncTest"/> gets: the virtual clock and the run's token.</summary>
public sealed class AsyncTestContext
{
    internal AsyncTestContext(FakeTimeProvider time, int? seed, CancellationToken token)
    {
        Time = time;
        Token = token;
        Seed = seed;
    }

    /// <summary>
    /// The virtual clock. Pass it to the code under test as its <see cref="TimeProvider"/>: when nothing on the loop can run,
    /// the loop advances it to the next timer, so an hour of <c>Task.Delay(..., Time)</c> takes no real time.
    /// </summary>
    public FakeTimeProvider Time { get; }

    /// <summary>Cancelled when the run ends or the outer token (<see cref="AsyncTestOptions.CancellationToken"/>) is cancelled.</summary>
    public CancellationToken Token { get; }

    /// <summary>The seed of the schedule being explored, or <see langword="null"/> under <see cref="AsyncTest.Run"/>.</summary>
    public int? Seed { get; }
}
