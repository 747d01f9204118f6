namespace Warden.Tests.Concurrency;

/// <summary>Bounds every await in the tests so a bug fails the test instead of hanging the run.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task Within(this Task task) => task.WaitAsync(Limit, TestContext.Current.CancellationToken);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit, TestContext.Current.CancellationToken);

    public static Task Within(this ValueTask task) => task.AsTask().Within();

    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().Within();

    /// <summary>Polls a condition that other threads make true, with a bound; never sleeps a fixed time.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Yield();
            Thread.Yield();
        }
    }
}
