using Warden.Cli.Audit;

namespace Warden.Cli.Commands.Audit;

/// <summary>
/// One status line on stderr for runs that take longer than a second, redrawn a few times a second and
/// erased at the end. Only used when stderr is a terminal, so logs and redirected runs stay clean.
/// </summary>
internal sealed class AuditProgressDisplay : IProgress<AuditProgress>, IAsyncDisposable
{
    private static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(250);
    private readonly TextWriter _error;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private AuditProgress? _latest;
    private int _drawnWidth;

    /// <summary>Starts the display; nothing is drawn during the first second.</summary>
    public AuditProgressDisplay(TextWriter error, TimeProvider timeProvider)
    {
        _error = error;
        _loop = DrawAsync(timeProvider, _stop.Token);
    }

    /// <inheritdoc />
    public void Report(AuditProgress value) => Volatile.Write(ref _latest, value);

    /// <summary>Stops drawing and erases the line.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        if (_drawnWidth > 0)
        {
            await _error.WriteAsync("\r" + new string(' ', _drawnWidth) + "\r").ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task DrawAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(ShowAfter, timeProvider, cancellationToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(Redraw, timeProvider);
            do
            {
                if (Volatile.Read(ref _latest) is { } progress)
                {
                    var line = $"warden audit: {progress.Stage} {progress.Done}/{progress.Total}";
                    await _error.WriteAsync("\r" + line.PadRight(_drawnWidth)).ConfigureAwait(false);
                    await _error.FlushAsync(cancellationToken).ConfigureAwait(false);
                    _drawnWidth = Math.Max(_drawnWidth, line.Length);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the audit finished (or was cancelled): stop drawing
        }
    }
}
