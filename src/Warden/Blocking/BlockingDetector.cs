namespace Warden.Blocking;

/// <summary>
/// The debug and test layer (L3) of Warden's blocking detectors: exact stacks of synchronous waits on pool threads
/// (TPL <c>TaskWaitBegin</c> events, raised on the blocking thread itself) and slow continuations named by their async
/// method (TPL causality events timed with an injectable clock). It costs 2-3x per await while a monitor is open, so it
/// is for tests and debugging, not for production.
/// </summary>
public static class BlockingDetector
{
    /// <summary>Starts watching the current async flow; dispose the result to stop.</summary>
    /// <param name="options">What to report; <see langword="null"/> for the defaults.</param>
    /// <param name="onReport">Called on the blocking thread for each distinct report; keep it short and never block in it.</param>
    /// <returns>The monitor, which also collects the reports.</returns>
    public static BlockingMonitor Start(BlockingDetectorOptions? options = null, Action<BlockingReport>? onReport = null)
    {
        options ??= new BlockingDetectorOptions();
        options.Validate();
        return new BlockingMonitor(options, onReport);
    }

    /// <summary>Ignores blocking in the current async flow until disposed (for a call the test knows and accepts).</summary>
    /// <returns>A scope that restores detection when disposed.</returns>
    public static IDisposable Suppress() => new BlockingSuppression();
}
