using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace Warden.Hosting.Tests;

/// <summary>A BackgroundService that records when the host cancels it.</summary>
internal sealed class RecordingWorker(ConcurrentQueue<string> events) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        events.Enqueue("worker started");
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            events.Enqueue("worker stopped");
        }
    }
}
