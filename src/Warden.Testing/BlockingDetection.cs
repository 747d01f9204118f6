using Warden.Blocking;

namespace Warden.Testing;

/// <summary>
/// Fails a test that blocks: inside <c>using (BlockingDetection.Enforce())</c>, a synchronous wait (<c>.Result</c>,
/// <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>) on an incomplete task on a pool thread, or a continuation slower than
/// the limit, makes the scope throw with the stack of the blocking call when it ends. The analog of BlockHound.
/// </summary>
public static class BlockingDetection
{
    /// <summary>Starts enforcing for the current async flow and everything it starts.</summary>
    /// <param name="options">Limits and allow list; <see langword="null"/> for the defaults (slow continuation = 100 ms).</param>
    /// <returns>The scope; disposing it throws <see cref="AsyncAssertionException"/> if anything blocked.</returns>
    public static BlockingEnforcement Enforce(BlockingDetectorOptions? options = null) => new(BlockingDetector.Start(options));

    /// <summary>Accepts blocking in the current flow until disposed, for a call the test knowingly allows.</summary>
    /// <returns>A scope that restores enforcement when disposed.</returns>
    public static IDisposable Allow() => BlockingDetector.Suppress();
}
