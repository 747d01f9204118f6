namespace Warden.Tests.Concurrency;

/// <summary>
/// The group's task comes from one of two places: a ready-made task when the group finished before anyone asked for
/// it (every child synchronous), or a completion source made when someone asked first. Both must give the same outcome.
/// </summary>
[Collection(LeakAuditedGroup.Name)]
public sealed class GroupCompletionTaskTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_group_that_finished_before_returning_hands_back_a_completed_task_with_the_body_result()
    {
        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(static _ => Task.CompletedTask);
                return Task.FromResult(42);
            },
            Ct);

        Assert.True(group.IsCompletedSuccessfully);
        Assert.Equal(42, await group);
    }

    [Fact]
    public void A_synchronous_group_failing_with_an_unrelated_cancellation_is_faulted_not_cancelled()
    {
        using var unrelated = new CancellationTokenSource();
        unrelated.Cancel();

        var group = TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ => Task.FromException(new OperationCanceledException(unrelated.Token)));
                return Task.CompletedTask;
            },
            Ct,
            new TaskGroupOptions { Errors = ErrorMode.First });

        // An OCE that is not the group's or the caller's is a failure (C7): the task must say Faulted, as an awaited
        // completion source would, not Canceled as an async method builder's task would.
        Assert.Equal(TaskStatus.Faulted, group.Status);
        Assert.IsType<OperationCanceledException>(group.Exception!.InnerException);
    }

    [Fact]
    public async Task A_synchronous_group_whose_caller_token_is_already_cancelled_is_cancelled_with_that_token()
    {
        using var caller = new CancellationTokenSource();
        caller.Cancel();

        var group = TaskGroup.RunAsync((_, _) => Task.CompletedTask, caller.Token);

        Assert.True(group.IsCanceled);
        var oce = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group.WithinAsync(ct: Ct));
        Assert.Equal(caller.Token, oce.CancellationToken);
    }

    [Fact]
    public async Task A_join_asked_for_before_the_last_child_finished_completes_when_it_does_and_is_the_same_task_each_time()
    {
        var release = StartModes.NewGate();
        var scope = TaskGroup.Create(Ct);
        await using (scope)
        {
            _ = scope.Spawn(async ct => await release.Task.WaitAsync(ct));

            var join = scope.JoinAsync();
            Assert.False(join.IsCompleted);
            Assert.Same(join, scope.JoinAsync());

            release.SetResult();
            await join.WithinAsync(ct: Ct);
            Assert.Same(join, scope.JoinAsync());
        }
    }

    [Fact]
    public async Task A_join_racing_the_last_child_on_another_thread_always_completes_with_the_outcome()
    {
        // The owner's release and the last child's end race to be the one that finishes the group, while the join
        // reads (or installs) the task: every interleaving must hand the caller a task that completes exactly once.
        for (var i = 0; i < 2_000; i++)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var fail = i % 2 == 1;
            var scope = TaskGroup.Create(Ct);
            _ = scope.Spawn(async ct =>
            {
                await release.Task.WaitAsync(ct);
                if (fail)
                {
                    throw new TestFailureException($"child {i}");
                }
            });

            var releaser = Task.Run(release.SetResult, Ct);
            var join = scope.JoinAsync();
            await releaser.WithinAsync(ct: Ct);

            if (fail)
            {
                var error = await Assert.ThrowsAsync<TaskGroupException>(() => join.WithinAsync(ct: Ct));
                Assert.IsType<TestFailureException>(Assert.Single(error.InnerExceptions));
            }
            else
            {
                await join.WithinAsync(ct: Ct);
            }

            Assert.Same(join, scope.JoinAsync());
            await scope.DisposeAsync();
        }
    }
}
