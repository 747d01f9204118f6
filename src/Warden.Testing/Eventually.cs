using System.Globalization;

namespace Warden.Testing;

/// <summary>
/// Waits for state instead of time: polls a condition or an assertion with backoff until it holds or the timeout
/// passes, and then fails with the reason, the last value or assertion message seen, and how long it waited.
/// Use it where a test would otherwise sleep and hope.
/// </summary>
/// <remarks>
/// The kit's awaits keep the caller's context on purpose (no <c>ConfigureAwait(false)</c>), so inside
/// <see cref="AsyncTest.Run"/> they stay on the deterministic loop and its virtual clock.
/// </remarks>
public static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> returns <see langword="true"/>.</summary>
    /// <param name="condition">The state to wait for; called on each poll, so keep it cheap and side-effect free.</param>
    /// <param name="timeout">How long to wait before failing.</param>
    /// <param name="because">Why the condition should become true, for the failure message.</param>
    /// <param name="ct">Cancels the wait (the test's token).</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="AsyncAssertionException">The condition did not hold within the timeout.</exception>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string? because = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return UntilAsync(condition, static value => value, timeout, because, null, ct);
    }

    /// <summary>Reads a value until it satisfies <paramref name="until"/>, and returns that value.</summary>
    /// <typeparam name="T">The observed value's type.</typeparam>
    /// <param name="read">Reads the current value.</param>
    /// <param name="until">Whether the value is the one waited for.</param>
    /// <param name="timeout">How long to wait before failing.</param>
    /// <param name="because">Why the value should arrive, for the failure message.</param>
    /// <param name="options">Polling options; <see langword="null"/> for <see cref="EventuallyOptions.Default"/>.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>The first value that satisfied <paramref name="until"/>.</returns>
    /// <exception cref="AsyncAssertionException">No value satisfied it within the timeout; the message shows the last one read.</exception>
    public static async Task<T> UntilAsync<T>(Func<T> read, Func<T, bool> until, TimeSpan timeout, string? because = null, EventuallyOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(until);
        options ??= EventuallyOptions.Default;
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);

        var time = Loop.AmbientClock.Resolve(options.TimeProvider);
        var started = time.GetTimestamp();
        var delay = options.InitialDelay;
        var polls = 0;
        while (true)
        {
            var value = read();
            polls++;
            if (until(value))
            {
                return value;
            }

            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new AsyncAssertionException(
                    $"Condition was not met within {Format(timeout)}{Because(because)}. " +
                    $"Last observed value: {Describe(value)}. Waited {Format(time.GetElapsedTime(started))} over {polls} polls.");
            }

            await Task.Delay(Min(delay, remaining), time, ct);
            delay = Min(delay * 2, options.MaxDelay);
        }
    }

    /// <summary>Runs <paramref name="assertion"/> until it stops throwing.</summary>
    /// <param name="assertion">The check; each attempt is bounded by the time left.</param>
    /// <param name="timeout">How long to keep trying before failing.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>A task that completes when an attempt passes.</returns>
    /// <exception cref="AsyncAssertionException">No attempt passed in time; the last failure is the inner exception and is quoted.</exception>
    public static Task AssertAsync(Func<Task> assertion, TimeSpan timeout, CancellationToken ct = default) =>
        AssertAsync(assertion, timeout, null, null, ct);

    /// <summary>Runs <paramref name="assertion"/> until it stops throwing, with a reason and polling options.</summary>
    /// <param name="assertion">The check; each attempt is bounded by the time left.</param>
    /// <param name="timeout">How long to keep trying before failing.</param>
    /// <param name="because">Why the assertion should come to pass, for the failure message.</param>
    /// <param name="options">Polling options; <see langword="null"/> for <see cref="EventuallyOptions.Default"/>.</param>
    /// <param name="ct">Cancels the wait.</param>
    /// <returns>A task that completes when an attempt passes.</returns>
    /// <exception cref="AsyncAssertionException">No attempt passed in time.</exception>
    public static async Task AssertAsync(Func<Task> assertion, TimeSpan timeout, string? because, EventuallyOptions? options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        options ??= EventuallyOptions.Default;
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.Zero);

        var time = Loop.AmbientClock.Resolve(options.TimeProvider);
        var started = time.GetTimestamp();
        var delay = options.InitialDelay;
        var attempts = 0;
        while (true)
        {
            Exception? last;
            attempts++;
            var remaining = timeout - time.GetElapsedTime(started);
            try
            {
                await assertion().WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time, ct);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any exception is an assertion failure to retry; the last one is reported.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                last = ex;
            }

            remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                var lastMessage = last is TimeoutException ? "the attempt itself did not finish in the time left" : last.Message;
                throw new AsyncAssertionException(
                    $"Assertion did not pass within {Format(timeout)}{Because(because)}. " +
                    $"Last failure: {lastMessage} Waited {Format(time.GetElapsedTime(started))} over {attempts} attempts.",
                    last);
            }

            await Task.Delay(Min(delay, remaining), time, ct);
            delay = Min(delay * 2, options.MaxDelay);
        }
    }

    internal static string Format(TimeSpan span) =>
        span.TotalSeconds >= 1
            ? span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s"
            : span.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture) + " ms";

    private static string Because(string? because) => string.IsNullOrWhiteSpace(because) ? string.Empty : " because " + because;

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
