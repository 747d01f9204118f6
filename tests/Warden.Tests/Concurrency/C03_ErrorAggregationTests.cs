namespace Warden.Tests.Concurrency;

[Collection(LeakAuditedGroup.Name)]
public sealed class C03_ErrorAggregationTests
{
    [Fact]
    public async Task A_single_error_is_still_one_TaskGroupException()
    {
        var boom = new TestFailureException(1);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(_ => Task.FromException(boom));
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, ex.RootCause);
        Assert.Single(ex.InnerExceptions);
    }

    [Theory]
    [MemberData(nameof(StartModes.Both), MemberType = typeof(StartModes))]
    public async Task Errors_are_kept_in_recorded_order_with_the_root_cause_first(StartMode mode)
    {
        var first = new TestFailureException(1);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            async (g, ct) =>
            {
                for (var i = 2; i <= 4; i++)
                {
                    var id = i;
                    _ = g.Spawn(StartModes.ThrowsWhenCancelled(new TestFailureException(id)));
                }

                await Task.Yield();
                throw first;
            },
            TestContext.Current.CancellationToken,
            StartModes.Options(mode)).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(first, ex.InnerExceptions[0]);
        Assert.Equal([1, 2, 3, 4], ex.InnerExceptions.Cast<TestFailureException>().Select(f => f.Id).Order());
    }

    [Fact]
    public async Task A_failure_rethrown_by_the_body_is_reported_once()
    {
        var boom = new TestFailureException(7);
        var ex = await Assert.ThrowsAsync<TaskGroupException>(() => TaskGroup.RunAsync(
            async (g, groupToken) =>
            {
                var child = g.Spawn(async _ =>
                {
                    await Task.Yield();
                    throw boom;
                });
                await child;
            },
            TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(boom, Assert.Single(ex.InnerExceptions));
    }

    [Fact]
    public async Task ErrorMode_First_rethrows_the_first_failure_with_the_others_attached()
    {
        var first = new TestFailureException(1);
        var second = new TestFailureException(2);
        var thrown = await Assert.ThrowsAsync<TestFailureException>(() => TaskGroup.RunAsync(
            (g, groupToken) =>
            {
                _ = g.Spawn(StartModes.ThrowsWhenCancelled(second));
                _ = g.Spawn(_ => throw first);
                return Task.CompletedTask;
            },
            TestContext.Current.CancellationToken,
            new TaskGroupOptions { Errors = ErrorMode.First }).WithinAsync(ct: TestContext.Current.CancellationToken));

        Assert.Same(first, thrown);
        Assert.Same(second, Assert.Single(TaskGroupException.GetSuppressed(thrown)));
    }

    [Fact]
    public void Flatten_Split_and_Handle_work_on_nested_groups()
    {
        var a = new TestFailureException(1);
        var b = new FormatException("b");
        var c = new TestFailureException(3);
        var nested = new TaskGroupException("outer", [a, new TaskGroupException("inner", [b, c])]);

        Assert.Equal([a, b, c], nested.Flatten().InnerExceptions);

        var (matched, remaining) = nested.Split<TestFailureException>();
        Assert.NotNull(matched);
        Assert.NotNull(remaining);
        Assert.Same(a, matched.InnerExceptions[0]);
        Assert.Same(c, Assert.IsType<TaskGroupException>(matched.InnerExceptions[1]).InnerExceptions.Single());
        Assert.Same(b, Assert.IsType<TaskGroupException>(Assert.Single(remaining.InnerExceptions)).InnerExceptions.Single());

        var unhandled = Assert.Throws<TaskGroupException>(() => nested.Handle(e => e is TestFailureException));
        Assert.Same(b, Assert.Single(unhandled.InnerExceptions));
        nested.Handle(_ => true);
    }
}
