using Microsoft.Extensions.Time.Testing;
using Warden.Cli.Commands.Bench;

namespace Warden.Cli.Tests.Bench;

public sealed class BenchSessionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_ctrl_c_the_live_view_stops_instead_of_spinning_while_the_run_unwinds()
    {
        // Ctrl-C has cancelled the token; the run is still unwinding. The fake clock never moves, so every redraw
        // comes from the loop itself: a loop whose delay completes at once on the cancelled token redraws flat out.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var run = new TaskCompletionSource();
        var refreshes = new RefreshCounter();

        await BenchSession.FollowAsync(run.Task, refreshes.Refresh, new FakeTimeProvider(), cancelled.Token).WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.InRange(refreshes.Count, 0, 1);
        Assert.False(run.Task.IsCompleted);
    }

    [Fact]
    public async Task The_live_view_waits_for_its_refresh_and_ends_with_the_run()
    {
        using var running = new CancellationTokenSource();
        var run = new TaskCompletionSource();
        var refreshes = new RefreshCounter();

        var follow = BenchSession.FollowAsync(run.Task, refreshes.Refresh, new FakeTimeProvider(), running.Token);
        Assert.Equal(0, refreshes.Count);
        run.SetResult();
        await follow.WaitAsync(Bound, TestContext.Current.CancellationToken);

        Assert.Equal(1, refreshes.Count);
    }

    /// <summary>Counts redraws and fails the loop when it spins, so a regression ends the test instead of hanging it.</summary>
    private sealed class RefreshCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Refresh()
        {
            if (Interlocked.Increment(ref _count) > 100)
            {
                throw new InvalidOperationException("The live view redrew 100 times without its refresh timer firing: it is spinning.");
            }
        }
    }
}
