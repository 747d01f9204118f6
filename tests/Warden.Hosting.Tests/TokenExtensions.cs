namespace Warden.Hosting.Tests;

internal static class TokenExtensions
{
    /// <summary>A task that completes when the token is cancelled.</summary>
    public static Task WhenCancelled(this CancellationToken token)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => done.TrySetResult());
        return done.Task;
    }
}
