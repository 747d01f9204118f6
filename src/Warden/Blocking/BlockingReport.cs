using System.Diagnostics;

namespace Warden.Blocking;

/// <summary>One detected blocking call or slow continuation, with the stack that shows where it happened.</summary>
/// <param name="Kind">Whether this is a synchronous wait or a slow continuation.</param>
/// <param name="CallSite">The first frame outside the runtime and Warden (for a slow continuation, the async method that ran).</param>
/// <param name="Stack">The full stack captured on the blocking thread, with file and line where symbols allow.</param>
/// <param name="ManagedThreadId">The managed id of the thread that blocked.</param>
/// <param name="Duration">For a slow continuation, how long it ran; <see langword="null"/> for a synchronous wait.</param>
public sealed record BlockingReport(BlockingKind Kind, string CallSite, StackTrace Stack, int ManagedThreadId, TimeSpan? Duration)
{
    /// <summary>One line for a log or a test failure, followed by the stack.</summary>
    public override string ToString()
    {
        var what = Kind == BlockingKind.SyncWait
            ? $"Synchronous wait on an incomplete task at {CallSite} (thread {ManagedThreadId})"
            : $"Slow continuation in {CallSite} ran {Duration?.TotalMilliseconds:0.#} ms (thread {ManagedThreadId})";
        return what + Environment.NewLine + Stack.ToString().TrimEnd();
    }
}
