using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Warden.Hosting;

/// <summary>
/// Replaces the console lifetime: SIGTERM, SIGINT and SIGQUIT are trapped by the coordinator (whose handler only
/// records the signal), and a watcher asks the host to stop, which runs the five steps through
/// <see cref="ShutdownHostedService"/>. The signal decides the exit code (143, 130, 131). Any other lifetime registered
/// before (systemd, a Windows service) keeps running inside this one: its start and stop are awaited in turn.
/// </summary>
internal sealed class ShutdownSignalLifetime(ShutdownCoordinator coordinator, IHostApplicationLifetime lifetime, ILogger<ShutdownSignalLifetime> logger, InnerHostLifetime? inner)
    : IHostLifetime, IDisposable
{
    private readonly CancellationTokenSource _stopWatching = new();
    private Task _watch = Task.CompletedTask;

    /// <summary>The lifetime this one runs inside of, if any (for tests).</summary>
    internal InnerHostLifetime? Inner => inner;

    public async Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var signal = coordinator.WaitForSignalAsync(_stopWatching.Token);

        // Owned: awaited in StopAsync (or below, if the inner lifetime fails to start), and it never throws.
        _watch = StopHostOnSignalAsync(signal);
        if (inner is null)
        {
            return;
        }

        try
        {
            await inner.Lifetime.WaitForStartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The host will not start, so nobody calls StopAsync: stop watching here, or the watcher waits forever.
            await StopWatchingAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await StopWatchingAsync(cancellationToken).ConfigureAwait(false);
        if (inner is not null)
        {
            await inner.Lifetime.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stopWatching.Dispose();
        if (inner is { Owned: true, Lifetime: IDisposable disposable })
        {
            disposable.Dispose();
        }
    }

    private async Task StopWatchingAsync(CancellationToken cancellationToken)
    {
        await _stopWatching.CancelAsync().ConfigureAwait(false);
        await _watch.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

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
