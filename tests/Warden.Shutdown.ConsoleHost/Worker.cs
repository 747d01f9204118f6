namespace Warden.Shutdown.ConsoleHost;

/// <summary>A long-running loop tracked by the coordinator; it stops at step 4 unless told to ignore cancellation.</summary>
internal static class Worker
{
    public static async Task RunAsync(ShutdownCoordinator shutdown, bool ignoreCancellation)
    {
        using var tracked = shutdown.TrackWork(ignoreCancellation ? "stuck worker" : "worker loop");
        var token = ignoreCancellation ? CancellationToken.None : shutdown.Cancelling;
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Console.Out.WriteLine("worker cancelled");
        }
    }
}
