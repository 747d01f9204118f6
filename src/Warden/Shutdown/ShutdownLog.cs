using Microsoft.Extensions.Logging;

namespace Warden;

/// <summary>The log messages of <see cref="ShutdownCoordinator"/>, generated so that disabled levels cost nothing.</summary>
internal static partial class ShutdownLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Shutdown step {StepNumber}/5 ({Step}) started.")]
    public static partial void StepStarted(ILogger logger, int stepNumber, ShutdownStep step);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Shutdown step {StepNumber}/5 ({Step}) completed in {DurationMs:F0} ms: {Outcome}")]
    public static partial void StepCompleted(ILogger logger, int stepNumber, ShutdownStep step, double durationMs, string outcome);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Shutdown step {StepNumber}/5 ({Step}) ran out of time after {DurationMs:F0} ms: {Outcome}")]
    public static partial void StepTimedOut(ILogger logger, int stepNumber, ShutdownStep step, double durationMs, string outcome);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Information, Message = "Shutdown report: {Report}")]
    public static partial void ReportClean(ILogger logger, ShutdownReport report);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning, Message = "Shutdown report: {Report}")]
    public static partial void ReportUnfinished(ILogger logger, ShutdownReport report);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Error, Message = "Shutdown callback '{Name}' failed during step {Step}.")]
    public static partial void CallbackFailed(ILogger logger, Exception exception, string name, ShutdownStep step);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Critical, Message = "Shutdown budget of {Budget} exhausted; exiting with code {ExitCode}. Still running: {StillRunning}")]
    public static partial void BudgetExhausted(ILogger logger, TimeSpan budget, int exitCode, string stillRunning);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Information, Message = "Shutdown requested: {Reason}; running the five shutdown steps.")]
    public static partial void ShutdownRequested(ILogger logger, string reason);
}
