using System.Runtime.InteropServices;

namespace Warden.Cli.Infrastructure;

/// <summary>
/// One cancellation token per run, cancelled by SIGINT (Ctrl-C) or SIGTERM. The signal handlers only
/// record the signal and cancel; the command unwinds on its own thread and the exit code says which
/// signal stopped it (130 or 143). A second signal is left to the runtime's default, so a command that
/// ignores cancellation can still be killed.
/// </summary>
internal sealed class SignalCancellation : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signal;

    /// <summary>Registers the handlers.</summary>
    public SignalCancellation()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled when the first SIGINT or SIGTERM arrives.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>The exit code for the signal that cancelled the run, or null when none did.</summary>
    public int? ExitCode => Volatile.Read(ref _signal) switch
    {
        0 => null,
        var s when s == (int)PosixSignal.SIGTERM => ExitCodes.Terminated,
        _ => ExitCodes.Interrupted,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cts.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.CompareExchange(ref _signal, (int)context.Signal, 0) != 0)
        {
            return; // second signal: let the default handler terminate the process
        }

        context.Cancel = true;
        _cts.Cancel();
    }
}
