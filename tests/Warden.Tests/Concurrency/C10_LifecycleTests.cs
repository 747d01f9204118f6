namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C10_LifecycleTests
{
    [Fact]
    public async Task Spawn_after_completion_throws_and_never_invokes_the_delegate()
    {
        var leaked = await StartModes.FinishedGroupAsync();
        var ran = false;

        var ex = Assert.Throws<TaskGroupClosedException>(() => leaked.Spawn(_ =>
        {
            ran = true;
            return Task.CompletedTask;
        }));

        Assert.False(ran);
        Assert.Contains("finished", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spawn_after_Cancel_throws_and_the_refusal_itself_is_not_an_error()
    {
        var ran = false;
        await TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                g.Cancel();
                _ = g.Spawn(_ =>
                {
                    ran = true;
                    return Task.CompletedTask;
                });
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.False(ran);
    }

    [Fact]
    public async Task Spawn_on_a_joined_scope_throws_and_JoinAsync_twice_returns_the_same_task()
    {
        await using var group = TaskGroup.Create(TestContext.Current.CancellationToken);
        _ = group.Spawn(_ => Task.CompletedTask);
        var join = group.JoinAsync();
        await join.WithinAsync(ct: TestContext.Current.CancellationToken);

        Assert.Same(join, group.JoinAsync());
        Assert.Throws<TaskGroupClosedException>(() => group.Spawn(_ => Task.CompletedTask));
    }

    [Fact]
    public void Invalid_options_say_which_option_is_wrong()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => TaskGroup.Create(TestContext.Current.CancellationToken, options: new TaskGroupOptions { MaxConcurrency = 0 }));
        Assert.Equal("MaxConcurrency", ex.ParamName);
        var timeout = Assert.ThrowsAny<ArgumentException>(() => TaskGroup.Create(TestContext.Current.CancellationToken, options: new TaskGroupOptions { Timeout = TimeSpan.Zero }));
        Assert.Equal("Timeout", timeout.ParamName);
    }
}
