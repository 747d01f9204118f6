using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Warden.Hosting;

/// <summary>
/// Replaces the console lifetime: SIGTERM, SIGINT and SIGQUIT are trapped by the coordinator (whose handler only
/// records the signal), and a watcher asks the host to stop, which runs the five steps through
/// <see cref="ShutdownHostedService"/>. The signal decides the exit code (143, 130, 131).
/// </summary>
internal sealed class ShutdownSignalLifetime(ShutdownCoordinator coordinator, IHostApplicationLifetime lifetime, ILogger<ShutdownSignalLifetime> logger)
    : IHostLifetime, IDisposable
{
    private readonly CancellationTokenSource _stopWatching = new();
    private Task _watch = Task.CompletedTask;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var signal = coordinator.WaitForSignalAsync(_stopWatching.Token);

        // Owned: awaited in StopAsync, and it never throws.
        _watch = StopHostOnSignalAsync(signal);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopWatching.CancelAsync().ConfigureAwait(false);
        await _watch.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopWatching.Dispose();

    private async Task StopHostOnSignalAsync(Task<System.Runtime.InteropServices.PosixSignal> signal)
    {
        try
        {
            var received = await signal.ConfigureAwait(false);
            HostingLog.SignalReceived(logger, received);
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (_stopWatching.IsCancellationRequested)
        {
            // The host stopped for another reason; nothing to watch any more.
        }
    }
}
