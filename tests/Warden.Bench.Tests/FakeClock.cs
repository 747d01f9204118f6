using Microsoft.Extensions.Time.Testing;

namespace Warden.Bench.Tests;

/// <summary>Drives a run on a fake clock: advances time in steps until the run completes, with a bound.</summary>
internal static class FakeClock
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static async Task<T> DriveAsync<T>(FakeTimeProvider time, Task<T> run, TimeSpan? step = null, int maxSteps = 100_000)
    {
        for (var i = 0; i < maxSteps && !run.IsCompleted; i++)
        {
            time.Advance(step ?? TimeSpan.FromMilliseconds(1));
        }

        Assert.True(run.IsCompleted, $"The run did not finish within {maxSteps} fake-clock steps.");
        return await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
