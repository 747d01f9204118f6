using Microsoft.Extensions.Logging;

namespace Warden.Hosting;

/// <summary>The log messages of the hosting integration, generated so that disabled levels cost nothing.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "{Signal} received; asking the host to stop.")]
    public static partial void SignalReceived(ILogger logger, System.Runtime.InteropServices.PosixSignal signal);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "HTTP listeners unbound ({Count}); new connections are refused from now on.")]
    public static partial void ListenersUnbound(ILogger logger, int count);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "The host's shutdown token fired before shutdown step {Step} finished; the step keeps its own bound.")]
    public static partial void HostTokenFired(ILogger logger, string step);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Error, Message = "The HTTP server failed while stopping.")]
    public static partial void ServerStopFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8105, Level = LogLevel.Warning, Message = "The host runs with {Lifetime}, registered after AddWardenShutdown, so Warden does not trap SIGTERM, SIGINT or SIGQUIT and exits with no signal exit code; call AddWardenShutdown after UseSystemd, UseWindowsService or your own IHostLifetime, and Warden runs that lifetime inside its own.")]
    public static partial void LifetimeRegisteredAfter(ILogger logger, string lifetime);
}
