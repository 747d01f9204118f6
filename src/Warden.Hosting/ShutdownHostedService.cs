using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Warden.Hosting;

/// <summary>
/// Runs the coordinator's steps inside the Generic Host's stop sequence. It is registered first, so the host
/// calls it first for <c>StoppingAsync</c> (before any hosted service stops: steps 2-4, with Kestrel unbound at
/// step 2 and drained through step 4) and last for <c>StopAsync</c> (after the server and every other hosted
/// service have stopped: step 5 closes the resources they used, then the report).
/// </summary>
internal sealed class ShutdownHostedService(
    ShutdownCoordinator coordinator,
    BackgroundTasks backgroundTasks,
    ListenerTracker listeners,
    IServiceProvider services,
    ILogger<ShutdownHostedService> logger) : IHostedLifecycleService
{
    private const string HostStopReason = "host stop requested";
    private Task _serverStop = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IHostLifetime>() is { } hostLifetime and not ShutdownSignalLifetime)
        {
            // The last registration wins, so a lifetime added after AddWardenShutdown silently took the signals.
            HostingLog.LifetimeRegisteredAfter(logger, hostLifetime.GetType().Name);
        }

        coordinator.RegisterDrain("background tasks", backgroundTasks.DrainAsync);
        if (services.GetService<IServer>() is { } server)
        {
            coordinator.OnStopAccepting("http listeners", ct => StopAcceptingConnectionsAsync(server, ct));

            // Kestrel's drain covers every accepted connection, including requests that have not reached the
            // tracking middleware yet, so the grace period also waits for it.
            coordinator.RegisterDrain("http connections", (_, ct) => _serverStop.WaitAsync(ct));
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await coordinator.StopAndCancelAsync(HostStopReason, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            HostingLog.HostTokenFired(logger, "2-4");
        }
    }

#pragma warning disable WD801 // Step 5 has its own bound (CloseTimeout), so it must run even after the host's token fired.
    public async Task StopAsync(CancellationToken cancellationToken)
#pragma warning restore WD801
    {
        // Step 5 has its own bound, so it runs even if the host's token already fired.
        var report = await coordinator.RunAsync(HostStopReason, CancellationToken.None).ConfigureAwait(false);
        if (report.Signal is not null)
        {
            Environment.ExitCode = report.ExitCode;
        }
    }

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _serverStop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            HostingLog.HostTokenFired(logger, "HTTP server stop");
        }
#pragma warning disable CA1031 // The server's failure to stop is logged; the host is already stopping and must finish.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HostingLog.ServerStopFailed(logger, ex);
        }
    }

    private async Task StopAcceptingConnectionsAsync(IServer server, CancellationToken cancellationToken)
    {
        // Kestrel unbinds first, then lets in-flight requests finish; it aborts what is left when step 4 cancels.
        // The host's own server stop later joins this one.
        _serverStop = server.StopAsync(coordinator.Cancelling);
        await listeners.WaitUntilAllUnboundAsync(cancellationToken).ConfigureAwait(false);
        HostingLog.ListenersUnbound(logger, listeners.UnboundCount);
    }
}
