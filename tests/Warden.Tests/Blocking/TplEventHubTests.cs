using System.Diagnostics.Tracing;
using Warden.Blocking;

namespace Warden.Tests.Blocking;

[Collection(ProcessWideEventsGroup.Name)]
public sealed class TplEventHubTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hub_delivers_events_only_while_subscribed()
    {
        var seen = 0;
        var subscription = TplEventHub.Subscribe((EventKeywords)0x8, e =>
        {
            if (e.EventId == 14)
            {
                Interlocked.Increment(ref seen);
            }
        });

        await Task.Run(() => 1, Ct).WaitAsync(Bound, Ct);
        var whileSubscribed = Volatile.Read(ref seen);
        subscription.Dispose();

        // An event already being dispatched when Dispose ran may still land; count from after Dispose returned.
        var afterDispose = Volatile.Read(ref seen);
        await Task.Run(() => 2, Ct).WaitAsync(Bound, Ct);

        Assert.True(whileSubscribed > 0);
        Assert.Equal(afterDispose, Volatile.Read(ref seen));
    }
}
