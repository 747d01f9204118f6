using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace Warden.Hosting.Tests;

/// <summary>
/// Stands in for a systemd or Windows-service lifetime: records its start, stop and disposal, holds the host's start
/// until <see cref="Started"/> is opened, and can fail to start.
/// </summary>
internal sealed class RecordingLifetime(ConcurrentQueue<string> events) : IHostLifetime, IDisposable
{
    /// <summary>Opened by the test to let the host's start go on.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, start fails with this exception once <see cref="Started"/> is opened.</summary>
    public Exception? StartFailure { get; init; }

    public async Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        events.Enqueue("inner start");
        await Started.Task.WaitAsync(cancellationToken);
        if (StartFailure is not null)
        {
            throw StartFailure;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        events.Enqueue("inner stop");
        return Task.CompletedTask;
    }

    public void Dispose() => events.Enqueue("inner disposed");
}
