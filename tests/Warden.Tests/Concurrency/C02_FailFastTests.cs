namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C02_FailFastTests
{
    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task The_first_failure_cancels_siblings_and_the_body(StartMode mode)
    {
        var siblingStarted = StartModes.NewGate();
        var siblingCancelled = false;
        var bodyCancelled = false;
        var boom = new TestFailureException(1);

        var group = TaskGroup.RunAsync(
            async (g, ct) =>
            {
                _ = g.Spawn(async token =>
                {
                    siblingStarted.SetResult();
                    try
                    {
                        await StartModes.UntilCancelled(token);
                    }
                    catch (OperationCanceledException)
                    {
                        siblingCancelled = true;
                        throw;
                    }
                });
                await siblingStarted.Task.WaitAsync(ct);
                _ = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    throw boom;
                });
                try
                {
                    await StartModes.UntilCancelled(ct);
                }
                catch (OperationCanceledException)
                {
                    bodyCancelled = true;
                    throw;
                }
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode));

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => group.WithinAsync(ct: TestContext.Current.CancellationToken));
        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.True(siblingCancelled);
        Assert.True(bodyCancelled);
    }

    [Fact]
    public async Task No_new_child_is_admitted_once_a_failure_cancelled_the_group()
    {
        var lateRan = false;
        TaskGroupClosedException? refused = null;

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ => throw new TestFailureException(1));
                refused = Assert.Throws<TaskGroupClosedException>(() => g.Spawn(_ =>
                {
                    lateRan = true;
                    return Task.CompletedTask;
                }));
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.False(lateRan);
        Assert.NotNull(refused);
        Assert.IsType<TestFailureException>(Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public async Task A_failure_reaches_a_body_that_blocks_after_spawning()
    {
        // The body spawns from its synchronous part, so the group defers looking at these children until the body
        // returns; the body then blocks until a sibling sees the group cancelled. Only the watchdog, which reports the
        // failure of a child left waiting on a stalled thread, can break this wait.
        var failing = new TaskCompletionSource();
        var unrelated = new CancellationTokenSource();
        using var siblingCancelled = new ManualResetEventSlim();
        var unblocked = false;

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ => failing.Task, "fails");
                _ = g.Spawn(StartModes.RecordsCancellation(siblingCancelled.Set), "waits");
                _ = g.Spawn(
                    async _ =>
                    {
                        await Task.Yield();

                        // Cancelled with a token nobody cancels: a failure, and a fresh exception each time it is read,
                        // so a second report of the same child would show up as a second error.
                        failing.TrySetCanceled(unrelated.Token);
                    },
                    "completes the failing one");
#pragma warning disable WD205 // Deliberate: the body blocks, which is what the watchdog exists for.
                unblocked = siblingCancelled.Wait(Bounded.DefaultBound, TestContext.Current.CancellationToken);
#pragma warning restore WD205
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.True(unblocked);
        Assert.IsType<TaskCanceledException>(Assert.Single(ex.InnerExceptions));
        unrelated.Dispose();
    }

    [Fact]
    public async Task Children_that_complete_while_deferred_are_each_settled_once()
    {
        // More children than the deferral ring holds, each completing (inline, when its gate opens) before the group
        // looks at it: every count must come back, and the one failure must be reported exactly once. The group notices
        // the failure when the child leaves the ring, so some later spawns still start; the first refused ends the body.
        const int Children = 300;
        var boom = new TestFailureException(1);
        var gates = new TaskCompletionSource[Children];
        var spawned = 0;
        var completed = 0;

        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                for (var i = 0; i < Children; i++)
                {
                    var gate = gates[i] = new TaskCompletionSource();
                    var fails = i == Children / 2;
                    _ = g.Spawn(async _ =>
                    {
                        await gate.Task;
                        Interlocked.Increment(ref completed);
                        if (fails)
                        {
                            throw boom;
                        }
                    });
                    spawned++;
                    gate.SetResult();
                }

                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
        Assert.InRange(spawned, (Children / 2) + 1, Children - 1);
        Assert.Equal(spawned, completed);
    }

    [Fact]
    public async Task The_group_waits_for_deferred_children_still_running_when_the_body_returns()
    {
        const int Children = 200;
        var gates = new TaskCompletionSource[Children];
        for (var i = 0; i < gates.Length; i++)
        {
            gates[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                foreach (var gate in gates)
                {
                    _ = g.Spawn(_ => gate.Task);
                }

                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        for (var i = 0; i < gates.Length - 1; i++)
        {
            gates[i].SetResult();
        }

        await Task.WhenAll(gates[..^1].Select(static gate => gate.Task)).WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.False(group.IsCompleted);
        gates[^1].SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);
    }
}
