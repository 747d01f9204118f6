namespace Warden.Tests.Concurrency;

/// <summary>The conformance tests run in both start modes, as CPython runs its suite with eager and normal tasks (C11).</summary>
public static class StartModes
{
    public static TheoryData<StartMode> Both => new(StartMode.Inline, StartMode.Queued);

    public static TaskGroupOptions Options(StartMode mode) => new() { Start = mode };

    public static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits on the token, bounded by the test limit: a child that never gets cancelled fails the test instead of hanging.</summary>
    public static Task UntilCancelled(CancellationToken token) => Task.Delay(Bounded.DefaultBound, token);

    /// <summary>A group that has completed, with a reference kept past its end (to test use after completion).</summary>
    public static async Task<ITaskGroup> FinishedGroupAsync()
    {
        ITaskGroup? leaked = null;
        await TaskGroup.RunAsync(
            (g, _) =>
            {
                leaked = g;
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        return leaked!;
    }

    /// <summary>A child that waits for the group's cancellation, notes that it saw it, and ends cancelled.</summary>
    public static Func<CancellationToken, Task> RecordsCancellation(Action sawCancellation) => async token =>
    {
        try
        {
            await UntilCancelled(token);
        }
        catch (OperationCanceledException)
        {
            sawCancellation();
            throw;
        }
    };

    /// <summary>A child that waits for the group's cancellation and then fails during it (an error raised while cancelling).</summary>
    public static Func<CancellationToken, Task> ThrowsWhenCancelled(Exception failure) => async token =>
    {
        try
        {
            await UntilCancelled(token);
        }
        catch (OperationCanceledException)
        {
            throw failure;
        }
    };
}
