namespace Warden.Cli.Infrastructure;

/// <summary>The process exit codes of <c>warden</c>; CI scripts rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked and found nothing at or above the failure threshold.</summary>
    public const int Success = 0;

    /// <summary>The command ran and found something that fails the run (findings, a regression).</summary>
    public const int Findings = 1;

    /// <summary>
    /// Bad input: unknown command or option, missing file, malformed value; nothing was done. Also a measurement
    /// that cannot be judged: <c>bench compare --fail-on-regression</c> when a run's generator was the bottleneck.
    /// </summary>
    public const int BadInput = 2;

    /// <summary>An unexpected error inside warden (sysexits' EX_SOFTWARE); please report it.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by SIGINT (Ctrl-C): 128 + 2, the shell convention.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM: 128 + 15, the shell convention.</summary>
    public const int Terminated = 143;
}
