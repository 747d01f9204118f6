using System.Collections.Concurrent;

namespace Warden.Tests.Shutdown;

/// <summary>A resource that records when it is closed, or never finishes closing when told to hang.</summary>
internal sealed class RecordingResource(string name, ConcurrentQueue<string> events, bool hang = false) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        events.Enqueue($"close {name}");
        if (hang)
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }
    }
}
