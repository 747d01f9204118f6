using Warden.Testing.Loop;

namespace Warden.Testing;

/// <summary>
/// Runs an async test body on a deterministic single-threaded loop with virtual time (trio's MockClock with autojump),
/// and explores schedules that reorder ready continuations to expose order races (Coyote's systematic testing).
/// Code that leaves the loop (<c>ConfigureAwait(false)</c>, <c>Task.Run</c>, real I/O) still runs, but outside its
/// control; see docs/testing.md.
/// </summary>
public static class AsyncTest
{
    /// <summary>
    /// Runs <paramref name="body"/> on the loop until it completes. Time is virtual (<see cref="AsyncTestContext.Time"/>)
    /// and jumps to the next timer when nothing can run; when nothing can run and no timer is pending it fails with a
    /// deadlock error listing what is waiting; timers or continuations left when the body ends fail as a leak.
    /// </summary>
    /// <param name="body">The test body.</param>
    /// <param name="options">Limits; <see langword="null"/> for <see cref="AsyncTestOptions.Default"/>.</param>
    /// <exception cref="AsyncAssertionException">Deadlock, leak, or a limit was passed.</exception>
    public static void Run(Func<AsyncTestContext, Task> body, AsyncTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        options ??= AsyncTestOptions.Default;
        options.Validate();
        new DeterministicLoop(options, null).Run(body, null);
    }

    /// <summary>
    /// Runs <paramref name="body"/> under <paramref name="schedules"/> schedules; each picks, at every step, which ready
    /// continuation runs next from a seeded random choice. The first failing schedule throws
    /// <see cref="AsyncScheduleException"/> with its seed; <c>Explore(body, schedules: 1, seed: thatSeed)</c> replays it.
    /// </summary>
    /// <param name="body">The test body; it must build its state afresh on each call.</param>
    /// <param name="schedules">How many schedules to try.</param>
    /// <param name="seed">The first schedule's seed (schedule i uses seed + i); <see langword="null"/> picks one at random and reports it on failure.</param>
    /// <param name="options">Limits for each schedule.</param>
    /// <exception cref="AsyncScheduleException">A schedule failed.</exception>
    public static void Explore(Func<AsyncTestContext, Task> body, int schedules = 100, int? seed = null, AsyncTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(schedules, 1);
        options ??= AsyncTestOptions.Default;
        options.Validate();
        var first = seed ?? Random.Shared.Next();
        for (var i = 0; i < schedules; i++)
        {
            var scheduleSeed = unchecked(first + i);
            try
            {
                new DeterministicLoop(options, new Random(scheduleSeed)).Run(body, scheduleSeed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !options.CancellationToken.IsCancellationRequested)
            {
                throw new AsyncScheduleException(
                    $"Schedule {i + 1} of {schedules} failed (seed {scheduleSeed}); replay it with AsyncTest.Explore(body, schedules: 1, seed: {scheduleSeed}). " +
                    $"{ex.GetType().Name}: {ex.Message}",
                    scheduleSeed,
                    i + 1,
                    ex);
            }
        }
    }
}
