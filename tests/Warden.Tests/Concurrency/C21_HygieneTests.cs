using System.Runtime.CompilerServices;
using Warden.Diagnostics;
using Warden.Tests.Diagnostics;

namespace Warden.Tests.Concurrency;

/// <summary>Runs alone: it forces collections and reads process-wide registry counters.</summary>
[Collection(RegistryTestGroup.Name)]
public sealed class C21_HygieneTests
{
    private sealed class HygieneMarkerException : Exception
    {
        public HygieneMarkerException()
            : base("hygiene marker")
        {
        }
    }

    private sealed class CanaryMarkerException : Exception
    {
        public CanaryMarkerException()
            : base("canary: deliberately unobserved")
        {
        }
    }

    [Fact]
    public async Task After_completion_the_group_holds_no_reference_to_its_children_their_results_or_its_body()
    {
        var (group, completion, weak) = await RunAndDropReferencesAsync();

        // The last child completes the group inline, so its frames may still be unwinding on another thread for a
        // moment: poll (bounded) instead of collecting once. A reference the group really kept never goes away.
        var stillAlive = await Eventually.UntilAsync(
            () =>
            {
                ForceFullCollection();
                return weak.FirstOrDefault(w => w.Reference.IsAlive).What;
            },
            static alive => alive is null,
            Bounded.DefaultBound,
            "the completed group should hold no reference to its children, their results or its body",
            ct: TestContext.Current.CancellationToken);

        Assert.True(completion.IsCompletedSuccessfully);
        Assert.NotNull(group);
        Assert.Null(stillAlive);
    }

    [Fact]
    public async Task No_child_exception_ever_reaches_UnobservedTaskException()
    {
        var markers = 0;
        var canaries = 0;
        void Handler(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            foreach (var leaf in e.Exception.Flatten().InnerExceptions)
            {
                if (leaf is HygieneMarkerException)
                {
                    Interlocked.Increment(ref markers);
                }
                else if (leaf is CanaryMarkerException)
                {
                    Interlocked.Increment(ref canaries);
                }
            }
        }

        TaskScheduler.UnobservedTaskException += Handler;
        try
        {
            await RunFailingGroupsAsync();
            LeaveAnUnobservedCanary();

            await Eventually.UntilAsync(
                () =>
                {
                    ForceFullCollection();
                    return Volatile.Read(ref canaries) > 0;
                },
                Bounded.DefaultBound,
                "the unobserved canary should reach the handler, proving unobserved exceptions are detected",
                TestContext.Current.CancellationToken);

            Assert.Equal(0, Volatile.Read(ref markers));
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Handler;
        }
    }

    [Fact]
    public async Task The_group_never_cancels_a_caller_owned_source()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ => Task.FromException(new HygieneMarkerException()));
                return Task.CompletedTask;
            },
            caller.Token).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.False(caller.IsCancellationRequested);
    }

    [Fact]
    public async Task Untracked_children_that_complete_on_pool_threads_leave_the_live_count()
    {
        // Nobody tracks, so each registration is only a counter in the registering thread's slab: the spawn adds on
        // the test thread and each end subtracts on whichever pool thread completed the child. The sum must return.
        Assert.False(WorkRegistry.IsTracking);
        var before = WorkRegistry.LiveCount(TrackedWorkKind.GroupChild);
        var release = StartModes.NewGate();
        const int Children = 200;

        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                for (var i = 0; i < Children; i++)
                {
                    _ = g.Spawn(async token =>
                    {
                        await release.Task.WaitAsync(token).ConfigureAwait(false);
                        await Task.Yield();
                    });
                }

                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(before + Children, WorkRegistry.LiveCount(TrackedWorkKind.GroupChild));
        release.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Equal(before, WorkRegistry.LiveCount(TrackedWorkKind.GroupChild));
    }

    [Fact]
    public async Task Groups_and_their_children_appear_in_the_registry_while_live_and_leave_it_when_done()
    {
        using var tracking = WorkRegistry.BeginTracking();
        var groupsBefore = WorkRegistry.LiveCount(TrackedWorkKind.TaskGroup);
        var childrenBefore = WorkRegistry.LiveCount(TrackedWorkKind.GroupChild);
        var release = StartModes.NewGate();
        var name = $"registry-{Guid.NewGuid():N}";

        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                for (var i = 0; i < 5; i++)
                {
                    _ = g.Spawn(token => release.Task.WaitAsync(token), $"child-{i}");
                }

                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Name = name });

        var entry = Assert.Single(WorkRegistry.Snapshot(), w => w.Name == name);
        Assert.Equal(TrackedWorkKind.TaskGroup, entry.Kind);
        Assert.Contains(nameof(Groups_and_their_children_appear_in_the_registry_while_live_and_leave_it_when_done), entry.StartSite, StringComparison.Ordinal);
        Assert.Equal(5, WorkRegistry.Snapshot().Count(w => w.Kind == TrackedWorkKind.GroupChild && w.ParentId == entry.Id));
        Assert.Equal(childrenBefore + 5, WorkRegistry.LiveCount(TrackedWorkKind.GroupChild));

        release.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(WorkRegistry.Snapshot(), w => w.Name == name || w.ParentId == entry.Id);
        Assert.Equal(groupsBefore, WorkRegistry.LiveCount(TrackedWorkKind.TaskGroup));
        Assert.Equal(childrenBefore, WorkRegistry.LiveCount(TrackedWorkKind.GroupChild));
    }

    [Fact]
    public async Task The_deferral_watchdog_stops_once_no_thread_holds_deferred_children()
    {
        // Children spawned from the body wait in the thread's deferral ring, which starts the watchdog's timer; once
        // the group is done every ring is empty, and an idle process must not keep a timer ticking for nothing.
        Assert.SkipUnless(DeferredChildren.CanPayOff, "With one processor no child is deferred, so the watchdog never starts (CI runs this suite on one processor too).");
        var gate = StartModes.NewGate();
        var armedWhileDeferred = false;
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                for (var i = 0; i < 3; i++)
                {
                    _ = g.Spawn(_ => gate.Task);
                }

                armedWhileDeferred = DeferredChildWatchdog.IsArmed;
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken);
        Assert.True(armedWhileDeferred);
        gate.SetResult();
        await group.WithinAsync(ct: TestContext.Current.CancellationToken);

        var armed = await Eventually.UntilAsync(
            static () => DeferredChildWatchdog.IsArmed,
            static running => !running,
            Bounded.DefaultBound,
            "the watchdog's timer should stop at its first tick that finds every ring empty",
            ct: TestContext.Current.CancellationToken);
        Assert.False(armed);
    }

    [Fact]
    public async Task Children_that_complete_during_Spawn_cost_no_allocation_at_all()
    {
        static Task SyncChild(CancellationToken _) => Task.CompletedTask;
        Func<CancellationToken, Task> child = SyncChild;
        static Task SpawnMany(ITaskGroup group, int count, Func<CancellationToken, Task> child)
        {
            for (var i = 0; i < count; i++)
            {
                _ = group.Spawn(child);
            }

            return Task.CompletedTask;
        }

        Func<ITaskGroup, CancellationToken, Task> ten = (g, _) => SpawnMany(g, 10, child);
        Func<ITaskGroup, CancellationToken, Task> thousand = (g, _) => SpawnMany(g, 1000, child);
        await TaskGroup.RunAsync(ten, TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        await TaskGroup.RunAsync(thousand, TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var group = TaskGroup.RunAsync(ten, TestContext.Current.CancellationToken);
        var forTen = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
#pragma warning disable WD304 // The group completed synchronously; the assertion below checks IsCompletedSuccessfully.
        var second = TaskGroup.RunAsync(thousand, TestContext.Current.CancellationToken);
#pragma warning restore WD304
        var forThousand = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(group.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
        Assert.Equal(forTen, forThousand);
    }

    [Fact]
    public async Task Async_children_spawned_on_one_thread_and_completed_on_another_reuse_observers()
    {
        // A request thread spawns, other threads resume the children: observers freed where children complete must
        // reach threads that only spawn, or every child pays for a new observer and its delegate. Each round
        // spawns from a fresh thread, which has never completed a child, so only shared observers can serve it.
        const int Children = 1000;
        const int Rounds = 3;
        var ct = TestContext.Current.CancellationToken;
        var aloneGate = new TaskCompletionSource();
        var unowned = new Task[Children];
        var childrenAlone = await AllocatedOnFreshThreadAsync(() =>
        {
            for (var i = 0; i < Children; i++)
            {
                unowned[i] = AwaitGateAsync(aloneGate.Task);
            }
        });
        aloneGate.SetResult();
        await Task.WhenAll(unowned).WithinAsync(ct: ct);

        var perRound = new long[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var gate = new TaskCompletionSource();
            var roundGate = gate.Task;
            Func<CancellationToken, Task> child = _ => AwaitGateAsync(roundGate);
            var group = TaskGroup.Create(ct);
            perRound[round] = await AllocatedOnFreshThreadAsync(() =>
            {
                for (var i = 0; i < Children; i++)
                {
                    _ = group.Spawn(child);
                }
            });
            gate.SetResult();
            await group.JoinAsync().WithinAsync(ct: ct);
        }

        // Measured: 32-39 B per child beyond the children themselves once observers come back (the completing
        // threads keep up to one batch each), 184 B when none do. Half the latter is the line.
        var extraPerChild = (perRound[Rounds - 1] - childrenAlone) / (double)Children;
        Assert.True(extraPerChild < 92, $"Spawning cost {extraPerChild:F0} B per child beyond the children themselves (rounds: {string.Join(", ", perRound)} B; children alone: {childrenAlone} B).");
    }

    private static async Task AwaitGateAsync(Task gate) => await gate;

    /// <summary>Runs <paramref name="work"/> on a new thread and returns the bytes it allocated there.</summary>
    private static async Task<long> AllocatedOnFreshThreadAsync(Action work)
    {
        var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                work();
                result.SetResult(GC.GetAllocatedBytesForCurrentThread() - before);
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        });
        thread.Start();
        return await result.Task.WithinAsync(ct: TestContext.Current.CancellationToken);
    }

    private static void ForceFullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveAnUnobservedCanary() => _ = Task.FromException(new CanaryMarkerException());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(ITaskGroup Group, Task Completion, List<(string What, WeakReference Reference)> Weak)> RunAndDropReferencesAsync()
    {
        var weak = new List<(string, WeakReference)>();
        ITaskGroup? kept = null;
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Func<ITaskGroup, CancellationToken, Task> body = async (g, groupToken) =>
            {
                kept = g;
                var payload = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    return new byte[1024];
                });
                weak.Add(("a child's task", new WeakReference(payload.Task)));
                weak.Add(("a child's result", new WeakReference(await payload)));
                var handled = new HygieneMarkerException();
                try
                {
                    await g.Spawn(async _ =>
                    {
                        await Task.Yield();
                        throw handled;
                    });
                }
                catch (HygieneMarkerException)
                {
                    // Observed by the body; the supervisor handler below takes it, so the group keeps no copy.
                }
            };
        weak.Add(("the body delegate and its closure", new WeakReference(body)));
        var completion = TaskGroup.RunAsync(
            body,
            caller.Token,
            new TaskGroupOptions { Mode = FailureMode.Supervisor, OnChildFault = _ => { } });
        await completion.WithinAsync(ct: TestContext.Current.CancellationToken);
        body = null!;
        return (kept!, completion, weak);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task RunFailingGroupsAsync()
    {
        static Task Fail() => Task.FromException(new HygieneMarkerException());
        var options = new[]
        {
            new TaskGroupOptions(),
            new TaskGroupOptions { Start = StartMode.Queued },
            new TaskGroupOptions { MaxConcurrency = 1 },
            new TaskGroupOptions { MaxConcurrency = 1, Start = StartMode.Queued },
            new TaskGroupOptions { Errors = ErrorMode.First },
            new TaskGroupOptions { Mode = FailureMode.Supervisor, OnChildFault = _ => { } },
        };
        foreach (var option in options)
        {
            var group = TaskGroup.RunAsync(
                (g, groupToken) =>
                {
                    for (var i = 0; i < 4; i++)
                    {
                        _ = g.Spawn(async _ =>
                        {
                            await Task.Yield();
                            await Fail();
                        });
                        _ = g.Spawn<int>(_ => throw new HygieneMarkerException());
                        if (option.Mode == FailureMode.FailFast)
                        {
                            _ = g.Spawn(token => Task.Delay(Bounded.DefaultBound, token));
                        }
                    }

                    return Task.CompletedTask;
                },
                TestContext.Current.CancellationToken,
                option);
            await group.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var scoped = TaskGroup.Create(TestContext.Current.CancellationToken);
        _ = scoped.Spawn(_ => Fail());
        await scoped.DisposeAsync().AsTask().WithinAsync(ct: TestContext.Current.CancellationToken);

        await TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                await Assert.ThrowsAsync<HygieneMarkerException>(() => g.StartAsync<int>((_, _) => Fail(), groupToken));
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        await using var background = new BackgroundTasks();
        Assert.True(background.TryStart("fails", _ => Fail()));
        await background.DrainAsync(Bounded.DefaultBound, TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
    }
}
