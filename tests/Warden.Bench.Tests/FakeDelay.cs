namespace Warden.Bench.Tests;

/// <summary>
/// A delay on a fake clock whose continuation runs inside <c>FakeTimeProvider.Advance</c>, so a run driven by
/// the clock is exactly reproducible (<c>Task.Delay(TimeSpan, TimeProvider)</c> resumes on the thread pool).
/// </summary>
internal static class FakeDelay
{
    public static async Task WaitAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource();
        using var timer = time.CreateTimer(static state => ((TaskCompletionSource)state!).TrySetResult(), completion, delay, Timeout.InfiniteTimeSpan);
        using var registration = cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), completion);
        await completion.Task.ConfigureAwait(false);
    }
}
