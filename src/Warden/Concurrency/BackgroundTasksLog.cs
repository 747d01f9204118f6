using Microsoft.Extensions.Logging;

namespace Warden;

/// <summary>The log messages of <see cref="BackgroundTasks"/>, generated so that disabled levels cost nothing.</summary>
internal static partial class BackgroundTasksLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Background task '{TaskName}' of '{Owner}' started at {StartSite} failed.")]
    public static partial void TaskFaulted(ILogger logger, Exception exception, string taskName, string owner, string startSite);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Background task '{TaskName}' of '{Owner}' started at {StartSite} was refused: {Reason}.")]
    public static partial void TaskRejected(ILogger logger, string taskName, string owner, string startSite, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Background task '{TaskName}' of '{Owner}' queued at {StartSite} was dropped unstarted: the drain's grace ran out.")]
    public static partial void TaskDropped(ILogger logger, string taskName, string owner, string startSite);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "A Faulted handler of '{Owner}' threw while reporting background task '{TaskName}'.")]
    public static partial void FaultHandlerFailed(ILogger logger, Exception exception, string owner, string taskName);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Draining '{Owner}': {Count} background task(s) still running after a grace of {Grace}; cancelling them.")]
    public static partial void DrainCancelling(ILogger logger, string owner, int count, TimeSpan grace);
}
