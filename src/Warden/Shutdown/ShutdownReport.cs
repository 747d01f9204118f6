using System.Globalization;
using System.Runtime.InteropServices;

namespace Warden;

/// <summary>What a shutdown did: the steps, and what was drained, cancelled, closed and left unfinished.</summary>
/// <param name="Reason">Why shutdown ran: the signal's name (<c>SIGTERM</c>) or the reason given to <see cref="ShutdownCoordinator.RunAsync"/>.</param>
/// <param name="Signal">The signal that started it, if any.</param>
/// <param name="ExitCode">The exit code the process should return: 143 after SIGTERM, 130 after SIGINT, 131 after SIGQUIT (configurable), 0 otherwise.</param>
/// <param name="Duration">From the signal (or the call) to the end of step 5.</param>
/// <param name="Steps">The five steps in order.</param>
/// <param name="Drained">Work that finished on its own during the grace period.</param>
/// <param name="Cancelled">Work that stopped after it was cancelled in step 4.</param>
/// <param name="Closed">Resources closed in step 5, in the order they were closed.</param>
/// <param name="NotFinished">Work still running after step 4 and resources that failed or did not close in time.</param>
public sealed record ShutdownReport(
    string Reason,
    PosixSignal? Signal,
    int ExitCode,
    TimeSpan Duration,
    IReadOnlyList<ShutdownStepResult> Steps,
    IReadOnlyList<string> Drained,
    IReadOnlyList<string> Cancelled,
    IReadOnlyList<string> Closed,
    IReadOnlyList<string> NotFinished)
{
    private const int NamesShown = 10;

    /// <summary>Whether everything finished or closed in time.</summary>
    public bool IsClean => NotFinished.Count == 0;

    /// <summary>The one-line summary that is logged: counts and up to ten names per list.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"reason {Reason}, exit code {ExitCode}, took {Duration.TotalMilliseconds:F0} ms; drained {Describe(Drained)}; cancelled {Describe(Cancelled)}; closed {Describe(Closed)}; not finished in time {Describe(NotFinished)}");

    private static string Describe(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return "0";
        }

        var shown = string.Join(", ", names.Take(NamesShown));
        var more = names.Count > NamesShown ? string.Create(CultureInfo.InvariantCulture, $", and {names.Count - NamesShown} more") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{names.Count} [{shown}{more}]");
    }
}
