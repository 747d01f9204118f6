namespace Warden.Testing.AuditedAssembly;

/// <summary>No attribute here: the audit comes from the assembly.</summary>
public sealed class AuditedTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Leaves_a_background_task_running()
    {
        // Deliberately never drained or completed: the assembly's audit must fail this test.
        var tasks = new BackgroundTasks();
        Assert.True(tasks.TryStart("left-running", _ => new TaskCompletionSource().Task));
    }

    [Fact]
    public async Task Drains_its_background_task()
    {
        await using var tasks = new BackgroundTasks();
        Assert.True(tasks.TryStart("drained", _ => Task.CompletedTask));

        await tasks.DrainAsync(Bound, Ct).WithinAsync(Bound, Ct);
    }
}
