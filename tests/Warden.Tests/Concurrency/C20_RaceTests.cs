namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C20_RaceTests
{
    private sealed class Connection : IDisposable
    {
        public Connection(string name) => Name = name;

        public string Name { get; }

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public async Task The_first_success_wins_losers_are_cancelled_and_losing_results_disposed()
    {
        var slowCancelled = false;
        var loser = new Connection("loser");
        var started = 0;
        var allStarted = StartModes.NewGate();
        void Started()
        {
            if (Interlocked.Increment(ref started) == 3)
            {
                allStarted.SetResult();
            }
        }

        // The winner waits until every racer runs: a racer not yet spawned when the race is decided never starts.
        var winner = await TaskGroup.RaceAsync<Connection>(
            [
                async token =>
                {
                    Started();
                    await allStarted.Task;
                    return new Connection("fast");
                },
                async token =>
                {
                    Started();
                    try
                    {
                        await StartModes.UntilCancelled(token);
                    }
                    catch (OperationCanceledException)
                    {
                        slowCancelled = true;
                        throw;
                    }

                    return new Connection("slow");
                },
                async token =>
                {
                    // Finishes with a result only once the winner has cancelled the race: a loser that must be disposed.
                    var cancelled = StartModes.NewGate();
                    Started();
                    await using (token.Register(cancelled.SetResult))
                    {
                        await cancelled.Task;
                    }

                    return loser;
                },
            ],
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal("fast", winner.Name);
        Assert.True(slowCancelled);
        Assert.True(loser.Disposed);
    }

    [Fact]
    public async Task Failures_count_only_when_every_racer_fails()
    {
        var winner = await TaskGroup.RaceAsync<int>(
            [_ => Task.FromException<int>(new TestFailureException(1)), async _ =>
            {
                await Task.Yield();
                return 2;
            }],
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.Equal(2, winner);

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RaceAsync<int>(
            [_ => Task.FromException<int>(new TestFailureException(1)), _ => Task.FromException<int>(new TestFailureException(2))],
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Equal([1, 2], ex.InnerExceptions.Cast<TestFailureException>().Select(e => e.Id).Order());
    }

    [Fact]
    public async Task No_racers_means_no_result()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TaskGroup.RaceAsync<int>([], TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));
    }
}
