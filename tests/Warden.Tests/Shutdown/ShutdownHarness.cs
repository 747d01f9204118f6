using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Warden.Tests.Concurrency;

namespace Warden.Tests.Shutdown;

/// <summary>A coordinator on a fake clock, with a recording logger and a probe that says when a step armed its timed wait.</summary>
internal sealed class ShutdownHarness : IAsyncDisposable
{
    private readonly ConcurrentQueue<ShutdownStep> _armed = new();
    private int _armedSeen;

    public ShutdownHarness(ShutdownOptions? options = null)
    {
        Options = options ?? new ShutdownOptions
        {
            Budget = TimeSpan.FromSeconds(30),
            StopAcceptingTimeout = TimeSpan.FromSeconds(2),
            GracePeriod = TimeSpan.FromSeconds(10),
            CancelTimeout = TimeSpan.FromSeconds(5),
            CloseTimeout = TimeSpan.FromSeconds(3),
            Margin = TimeSpan.FromSeconds(2),
        };
        Coordinator = new ShutdownCoordinator(Options, Logger, Time)
        {
            TimedWaitArmed = _armed.Enqueue,
            ExitProcess = code => ExitCodes.Enqueue(code),
        };
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public RecordingLogger<ShutdownCoordinator> Logger { get; } = new();

    public ShutdownOptions Options { get; }

    public ShutdownCoordinator Coordinator { get; }

    public ConcurrentQueue<int> ExitCodes { get; } = new();

    public IEnumerable<string> Messages => Logger.Entries.Select(e => e.Message);

    /// <summary>Waits until the next timed wait is armed (in order), checks it belongs to <paramref name="step"/>, then advances the clock.</summary>
    public async Task AdvanceWhenArmedAsync(ShutdownStep step, TimeSpan by)
    {
        var index = _armedSeen++;
        await Eventually.UntilAsync(() => _armed.Count > index, Bounded.DefaultBound, $"step {step} should arm its timed wait", TestContext.Current.CancellationToken);
        Assert.Equal(step, _armed.ElementAt(index));
        Time.Advance(by);
    }

    public async ValueTask DisposeAsync() => await Coordinator.DisposeAsync();
}
