using Warden.Testing.Leaks;

namespace Warden.Testing.Tests;

// The attribute in use: every test here is audited, including plain tasks, and passes because it leaves nothing behind.
[AuditLeaks(IncludePlainTasks = true)]
[Collection(ProcessWideAudits.Name)]
public sealed class AuditLeaksAttributeTests
{
    [Fact]
    public void The_audit_opened_before_the_test_is_current_in_the_test()
    {
        // Proves xunit flows the execution context from Before into the test, so plain tasks are attributed to it.
        Assert.NotNull(PlainTaskEvents.Current);
    }

    [Fact]
    public async Task Awaited_work_passes_the_audit()
    {
        var result = await Task.Run(() => 42, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(42, result);
    }
}
