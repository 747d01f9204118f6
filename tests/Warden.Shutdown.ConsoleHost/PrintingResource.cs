namespace Warden.Shutdown.ConsoleHost;

/// <summary>Stands for a connection pool: prints when it is closed.</summary>
internal sealed class PrintingResource(string name) : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        Console.Out.WriteLine($"closed {name}");
        return ValueTask.CompletedTask;
    }
}
