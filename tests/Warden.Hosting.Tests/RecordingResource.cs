using System.Collections.Concurrent;

namespace Warden.Hosting.Tests;

/// <summary>A resource that records in a shared event list when it is closed.</summary>
internal sealed class RecordingResource(string name, ConcurrentQueue<string> events) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        events.Enqueue($"close {name}");
        return ValueTask.CompletedTask;
    }
}
