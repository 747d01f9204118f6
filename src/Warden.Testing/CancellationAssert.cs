using System.Runtime.CompilerServices;

namespace Warden.Testing;

/// <summary>
/// Tests the cancellation path of a long-running operation: starts it, cancels it at a chosen point, and asserts that it
/// ends with <see cref="OperationCanceledException"/> within a bound and that its cleanup ran.
/// </summary>
public static class CancellationAssert
{
    /// <summary>Runs <paramref name="operation"/>, cancels it at <paramref name="cancelAt"/>, and checks how it ended.</summary>
    /// <param name="operation">The operation under test; it must observe the token it is given.</param>
    /// <param name="cancelAt">When to cancel.</param>
    /// <param name="cleanupCheck">What must hold after the operation ended (connection closed, file deleted...); <see langword="null"/> for none.</param>
    /// <param name="options">Bounds; <see langword="null"/> for <see cref="CancellationAssertOptions.Default"/>.</param>
    /// <param name="ct">Cancels the whole assertion (the test's token).</param>
    /// <param name="cleanupExpression">Filled in by the compiler with the text of <paramref name="cleanupCheck"/>.</param>
    /// <returns>The <see cref="OperationCanceledException"/> the operation ended with.</returns>
    /// <exception cref="AsyncAssertionException">The operation ended before the point, did not end in time, ended otherwise, or the cleanup check failed.</exception>
    public static async Task<OperationCanceledException> CancelsCleanlyAsync(
        Func<CancellationToken, Task> operation,
        CancellationPoint cancelAt,
        Func<bool>? cleanupCheck = null,
        CancellationAssertOptions? options = null,
        CancellationToken ct = default,
        [CallerArgumentExpression(nameof(cleanupCheck))] string? cleanupExpression = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(cancelAt);
        options ??= CancellationAssertOptions.Default;
        var time = Loop.AmbientClock.Resolve(options.TimeProvider);

        using var cts = new CancellationTokenSource();
        Task running;
        try
        {
            running = operation(cts.Token);
        }
        catch (OperationCanceledException ex)
        {
            throw new AsyncAssertionException($"The operation threw {ex.GetType().Name} before it was cancelled.", ex);
        }

        await cancelAt.ReachAsync(running, options.ReachTimeout, time, ct);
        if (running.IsCompleted)
        {
            throw new AsyncAssertionException(
                $"The operation ended ({Outcome(running)}) before the cancellation point ({cancelAt.Description}); " +
                "cancel earlier or make the operation longer, otherwise the cancellation path is not tested.",
                running.Exception?.InnerException);
        }

        var cancelledAt = time.GetTimestamp();
        // Synchronous on purpose: cancellation callbacks run here, on the caller's thread (the loop under AsyncTest), not on the pool.
#pragma warning disable CA1849
        cts.Cancel();
#pragma warning restore CA1849
        try
        {
            await running.WaitAsync(options.EndWithin, time, ct);
        }
        catch (TimeoutException)
        {
            throw new AsyncAssertionException(
                $"The operation did not end within {Eventually.Format(options.EndWithin)} after it was cancelled ({cancelAt.Description}); " +
                "it ignores its token somewhere (an await without the token, a blocking call, or a loop that never checks it).");
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            CheckCleanup(cleanupCheck, cleanupExpression, time.GetElapsedTime(cancelledAt));
            return ex;
        }
#pragma warning disable CA1031 // Every other ending is a failure of the operation under test, reported with its cause.
        catch (Exception ex) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            throw new AsyncAssertionException(
                $"The operation ended with {ex.GetType().Name} instead of OperationCanceledException after it was cancelled: {ex.Message}", ex);
        }

        throw new AsyncAssertionException(
            "The operation completed successfully after it was cancelled; it should end with OperationCanceledException " +
            "(call ct.ThrowIfCancellationRequested() or pass the token on) so callers know the work was not done.");
    }

    private static void CheckCleanup(Func<bool>? cleanupCheck, string? expression, TimeSpan endedAfter)
    {
        if (cleanupCheck is not null && !cleanupCheck())
        {
            throw new AsyncAssertionException(
                $"The operation was cancelled cleanly (OperationCanceledException {Eventually.Format(endedAfter)} after cancel) " +
                $"but the cleanup check failed: {expression ?? "cleanupCheck"}. Release resources in a finally block.");
        }
    }

    private static string Outcome(Task task) => task.Status switch
    {
        TaskStatus.RanToCompletion => "completed successfully",
        TaskStatus.Canceled => "cancelled by another token",
        _ => "faulted with " + task.Exception?.InnerException?.GetType().Name,
    };
}
