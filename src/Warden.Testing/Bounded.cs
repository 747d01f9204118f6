using System.Text;
using Warden.Testing.Loop;

namespace Warden.Testing;

/// <summary>
/// Bounded awaits that explain themselves: when the bound passes, the failure lists what the awaited async method is
/// still waiting for (the analog of kotlinx's CoroutinesTimeout dump), instead of a bare TimeoutException.
/// </summary>
public static class Bounded
{
    /// <summary>The bound used when none is given: 30 s.</summary>
    public static TimeSpan DefaultBound { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="bound"/>.</summary>
    /// <param name="task">The task to await.</param>
    /// <param name="bound">The bound; <see langword="null"/> for <see cref="DefaultBound"/>.</param>
    /// <param name="ct">The test's token (xunit: <c>TestContext.Current.CancellationToken</c>).</param>
    /// <returns>A task that completes like <paramref name="task"/>.</returns>
    /// <exception cref="AsyncAssertionException">The bound passed; the message lists what is still waiting.</exception>
    public static async Task WithinAsync(this Task task, TimeSpan? bound = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = bound ?? DefaultBound;
        try
        {
            await task.WaitAsync(limit, ct);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw TimedOut(task, limit, ex);
        }
    }

    /// <summary>Awaits <paramref name="task"/> for at most <paramref name="bound"/> and returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="task">The task to await.</param>
    /// <param name="bound">The bound; <see langword="null"/> for <see cref="DefaultBound"/>.</param>
    /// <param name="ct">The test's token.</param>
    /// <returns>The task's result.</returns>
    /// <exception cref="AsyncAssertionException">The bound passed; the message lists what is still waiting.</exception>
    public static async Task<T> WithinAsync<T>(this Task<T> task, TimeSpan? bound = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var limit = bound ?? DefaultBound;
        try
        {
            return await task.WaitAsync(limit, ct);
        }
        catch (TimeoutException ex) when (!task.IsCompleted)
        {
            throw TimedOut(task, limit, ex);
        }
    }

    private static AsyncAssertionException TimedOut(Task task, TimeSpan limit, TimeoutException cause)
    {
        var message = new StringBuilder("The awaited task did not complete within ").Append(Eventually.Format(limit)).Append(". Still waiting:");
        AsyncChainDescriber.Describe(task, message, 1);
        return new AsyncAssertionException(message.ToString(), cause);
    }
}
