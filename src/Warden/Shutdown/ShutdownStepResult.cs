namespace Warden;

/// <summary>What one shutdown step did.</summary>
/// <param name="Step">The step.</param>
/// <param name="StartedAt">When it started, from the coordinator's <see cref="TimeProvider"/>.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Completed"><see langword="true"/> when everything the step waits for finished within its bound.</param>
/// <param name="Outcome">A one-line description of the outcome, as logged.</param>
public sealed record ShutdownStepResult(ShutdownStep Step, DateTimeOffset StartedAt, TimeSpan Duration, bool Completed, string Outcome);
