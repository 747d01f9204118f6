namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C16_BoundedConcurrencyTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task Spawn_at_the_limit_queues_the_delegate_and_never_exceeds_the_limit(StartMode mode)
    {
        var probe = new ConcurrencyProbe();
        var invoked = 0;
        var release = StartModes.NewGate();

        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                for (var i = 0; i < 20; i++)
                {
                    _ = g.Spawn(async token =>
                    {
                        Interlocked.Increment(ref invoked);
                        probe.Enter();
                        await release.Task.WaitAsync(token);
                        probe.Exit();
                    });
                }

                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { MaxConcurrency = 3, Start = mode });

        await Eventually.UntilAsync(() => probe.Current == 3, Bounded.DefaultBound, "three children should run at the limit of 3", TestContext.Current.CancellationToken);
        Assert.Equal(3, Volatile.Read(ref invoked));
        release.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(20, probe.Completed);
        Assert.Equal(3, probe.Peak);
    }

    [Fact]
    public async Task SpawnAsync_waits_for_a_free_slot_before_the_child_exists()
    {
        var release = StartModes.NewGate();
        var fourthStarted = false;
        var thirdAdmitted = StartModes.NewGate();
        ValueTask<ChildTask<int>> fourth = default;

        var group = TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                for (var i = 0; i < 3; i++)
                {
                    await g.SpawnAsync(async token =>
                    {
                        await release.Task.WaitAsync(token);
                        return 1;
                    });
                }

                fourth = g.SpawnAsync(_ =>
                {
                    fourthStarted = true;
                    return Task.FromResult(4);
                });
                thirdAdmitted.SetResult();
                Assert.Equal(4, await (await fourth));
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { MaxConcurrency = 3 });

        await thirdAdmitted.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.False(fourth.IsCompleted);
        Assert.False(fourthStarted);
        release.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.True(fourthStarted);
    }

    [Fact]
    public async Task Queued_children_never_run_after_a_failure()
    {
        var queuedRan = 0;
        var boom = new TestFailureException(1);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    throw boom;
                });
                for (var i = 0; i < 10; i++)
                {
                    _ = g.Spawn(_ =>
                    {
                        Interlocked.Increment(ref queuedRan);
                        return Task.CompletedTask;
                    });
                }

                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { MaxConcurrency = 1 }).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.Equal(0, queuedRan);
    }

    [Fact]
    public async Task ForEachAsync_pulls_lazily_so_at_most_the_limit_of_items_is_in_flight()
    {
        var pulled = 0;
        var probe = new ConcurrencyProbe();
        var maxAhead = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 20_000; i++)
            {
                var ahead = Interlocked.Increment(ref pulled) - probe.Completed;
                maxAhead = Math.Max(maxAhead, ahead);
                yield return i;
            }
        }

        await TaskGroup.ForEachAsync(
            Source(),
            8,
            async (_, ct) =>
            {
                probe.Enter();
                await Task.Yield();
                probe.Exit();
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(20_000, probe.Completed);
        Assert.True(probe.Peak <= 8, $"peak {probe.Peak}");
        Assert.True(maxAhead <= 8, $"the source ran {maxAhead} items ahead of completion");
    }

    [Fact]
    public async Task ForEachAsync_over_an_async_source_is_bounded_and_complete()
    {
        var probe = new ConcurrencyProbe();
        static async IAsyncEnumerable<int> Source()
        {
            for (var i = 0; i < 500; i++)
            {
                await Task.Yield();
                yield return i;
            }
        }

        var seen = new bool[500];
        await TaskGroup.ForEachAsync(
            Source(),
            4,
            async (i, ct) =>
            {
                probe.Enter();
                await Task.Yield();
                seen[i] = true;
                probe.Exit();
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.All(seen, Assert.True);
        Assert.True(probe.Peak <= 4);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SelectAsync_returns_results_in_input_order(bool knownCount)
    {
        const int count = 40_000;
        IEnumerable<int> Lazy()
        {
            for (var i = 0; i < count; i++)
            {
                yield return i;
            }
        }

        var source = knownCount ? Enumerable.Range(0, count).ToArray() : Lazy();
        var results = await TaskGroup.SelectAsync(
            source,
            16,
            async (i, ct) =>
            {
                if (i % 3 == 0)
                {
                    await Task.Yield();
                }

                return i * 2L;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(count, results.Length);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i * 2L, results[i]);
        }
    }

    [Fact]
    public async Task ForEachAsync_fails_fast_reports_every_failure_and_stops_pulling()
    {
        var startedAfterCancel = 0;
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.ForEachAsync(
            Enumerable.Range(0, 1_000_000),
            4,
            async (i, ct) =>
            {
                if (ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref startedAfterCancel);
                }

                await Task.Yield();
                if (i == 10)
                {
                    throw new TestFailureException(i);
                }
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Equal(10, Assert.IsType<TestFailureException>(Assert.Single(ex.InnerExceptions)).Id);

        // Workers check the token before pulling: at most one item per other worker was pulled in the race window.
        Assert.True(startedAfterCancel <= 3, $"{startedAfterCancel} items started after the group was cancelled");
    }

    [Fact]
    public async Task ForEachAsync_keeps_real_errors_when_the_caller_cancels_unlike_Parallel_ForEachAsync()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var failure = new TestFailureException(1);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.ForEachAsync(
            Enumerable.Range(0, 2),
            2,
            async (i, ct) =>
            {
                if (i == 0)
                {
                    await caller.CancelAsync();
                    throw failure;
                }

                await StartModes.UntilCancelled(ct);
            },
            caller.Token).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(failure, Assert.Single(ex.InnerExceptions));
    }
}
