namespace Warden;

/// <summary>The five steps of a graceful shutdown, in the order <see cref="ShutdownCoordinator"/> runs them.</summary>
public enum ShutdownStep
{
    /// <summary>Step 1: a signal (or a caller) asked for shutdown; the handler only recorded it.</summary>
    TrapSignal = 1,

    /// <summary>Step 2: stop accepting new work (<see cref="ShutdownCoordinator.Stopping"/> fires, listeners close, readiness fails).</summary>
    StopAccepting = 2,

    /// <summary>Step 3: the grace period, in which in-flight work finishes on its own.</summary>
    GracePeriod = 3,

    /// <summary>Step 4: cancel what remains (<see cref="ShutdownCoordinator.Cancelling"/> fires) and wait, bounded.</summary>
    CancelRemaining = 4,

    /// <summary>Step 5: close registered resources in reverse order of registration, bounded.</summary>
    CloseResources = 5,
}
