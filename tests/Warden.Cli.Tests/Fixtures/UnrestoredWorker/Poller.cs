using Microsoft.Extensions.Hosting;

namespace UnrestoredWorker;

// Planted: a hosted loop that never looks at its stopping token (WD801), and a stopping callback that blocks (WD802).
public sealed class Poller(IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(() => Task.Delay(1000).Wait());
        while (true)
        {
            await Task.Delay(1000);
        }
    }
}
