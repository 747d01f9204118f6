using Warden.Diagnostics;

namespace Warden.Tests;

[Collection(LeakAuditedGroup.Name)]
public sealed class LeakAuditedGroupTests
{
    [Fact]
    public void Tests_in_the_group_run_under_an_open_leak_audit()
    {
        // The audit on the collection definition switches registry tracking on before each test. The collection runs
        // alone and every other tracking scope in this suite is disposed by its test, so without the audit (the
        // attribute removed, or xunit no longer applying it from the collection) tracking would be off here.
        Assert.True(WorkRegistry.IsTracking, "No leak audit is open: is [AuditLeaks] still on LeakAuditedGroup?");
    }
}
