using Microsoft.Extensions.Logging;

namespace Warden.Shutdown.ConsoleHost;

/// <summary>Writes each entry to stdout at once (no background queue), so nothing is lost when the process exits.</summary>
internal sealed class StdoutLogger<T> : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Console.Out.WriteLine($"{logLevel}: {formatter(state, exception)}");
    }
}
