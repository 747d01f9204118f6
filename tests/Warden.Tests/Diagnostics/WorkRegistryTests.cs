using Warden.Diagnostics;

namespace Warden.Tests.Diagnostics;

[Collection(RegistryTestGroup.Name)]
public sealed class WorkRegistryTests
{
    [Fact]
    public void Register_while_not_tracking_counts_and_records_nothing()
    {
        Assert.False(WorkRegistry.IsTracking);
        var before = WorkRegistry.LiveCount(TrackedWorkKind.ShutdownWork);

        var handle = WorkRegistry.Register(TrackedWorkKind.ShutdownWork, "flush");

        Assert.Equal(before + 1, WorkRegistry.LiveCount(TrackedWorkKind.ShutdownWork));
        Assert.Equal(0, handle.Id);
        Assert.DoesNotContain(WorkRegistry.Snapshot(), w => w.Name == "flush");
        handle.Dispose();
        Assert.Equal(before, WorkRegistry.LiveCount(TrackedWorkKind.ShutdownWork));
    }

    [Fact]
    public void Register_while_not_tracking_allocates_nothing()
    {
        Assert.False(WorkRegistry.IsTracking);
        Assert.Null(WorkRegistry.DescribeStartSite("Caller", "/src/File.cs", 12));
        for (var i = 0; i < 100; i++)
        {
            WorkRegistry.Register(TrackedWorkKind.Offload, "warm-up").Dispose();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            using var handle = WorkRegistry.Register(TrackedWorkKind.Offload, "hot path", WorkRegistry.DescribeStartSite("Caller", "/src/File.cs", 12));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Tracking_records_full_entries_until_disposed()
    {
        using (WorkRegistry.BeginTracking())
        {
            Assert.True(WorkRegistry.IsTracking);
            var site = WorkRegistry.DescribeStartSite("Checkout", "/src/Orders/Checkout.cs", 42);
            using var parent = WorkRegistry.Register(TrackedWorkKind.TaskGroup, "checkout", site);
            var child = WorkRegistry.Register(TrackedWorkKind.GroupChild, "charge", parentId: parent.Id);

            var snapshot = WorkRegistry.Snapshot();
            var parentEntry = Assert.Single(snapshot, w => w.Id == parent.Id);
            Assert.Equal(TrackedWorkKind.TaskGroup, parentEntry.Kind);
            Assert.Equal("checkout", parentEntry.Name);
            Assert.Equal("Checkout (Checkout.cs:42)", parentEntry.StartSite);
            var childEntry = Assert.Single(snapshot, w => w.Id == child.Id);
            Assert.Equal(parent.Id, childEntry.ParentId);
            Assert.True(parentEntry.Id < childEntry.Id);

            child.Dispose();
            Assert.DoesNotContain(WorkRegistry.Snapshot(), w => w.Id == child.Id);
        }

        Assert.False(WorkRegistry.IsTracking);
    }

    [Fact]
    public void Disposing_a_recorded_handle_twice_decrements_once()
    {
        using var tracking = WorkRegistry.BeginTracking();
        var before = WorkRegistry.LiveCount(TrackedWorkKind.Offload);
        var handle = WorkRegistry.Register(TrackedWorkKind.Offload, "read file");

        handle.Dispose();
        handle.Dispose();

        Assert.Equal(before, WorkRegistry.LiveCount(TrackedWorkKind.Offload));
        default(TrackedWorkHandle).Dispose();
        Assert.Equal(before, WorkRegistry.LiveCount(TrackedWorkKind.Offload));
    }

    [Fact]
    public void Tracking_scopes_are_reference_counted_and_each_ends_once()
    {
        var first = WorkRegistry.BeginTracking();
        var second = WorkRegistry.BeginTracking();

        first.Dispose();
        first.Dispose();
        Assert.True(WorkRegistry.IsTracking);

        second.Dispose();
        Assert.False(WorkRegistry.IsTracking);
    }

    [Fact]
    public void Work_registered_before_tracking_stays_counted_and_leaves_cleanly()
    {
        var before = WorkRegistry.LiveCount(TrackedWorkKind.Offload);
        var early = WorkRegistry.Register(TrackedWorkKind.Offload, "early");
        using (WorkRegistry.BeginTracking())
        {
            Assert.DoesNotContain(WorkRegistry.Snapshot(), w => w.Id == early.Id);
            early.Dispose();
        }

        Assert.Equal(before, WorkRegistry.LiveCount(TrackedWorkKind.Offload));
    }

    [Fact]
    public async Task Background_tasks_appear_in_the_registry_while_they_run()
    {
        using var tracking = WorkRegistry.BeginTracking();
        await using var owner = new BackgroundTasks(new BackgroundTasksOptions { Name = "registry-test" });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = WorkRegistry.LiveCount(TrackedWorkKind.BackgroundTask);

        Assert.True(owner.TryStart("send-receipt", _ => release.Task));
        await Eventually.UntilAsync(() => WorkRegistry.Snapshot().Any(w => w.Name == "send-receipt"), Bounded.DefaultBound, "the started task should be registered", TestContext.Current.CancellationToken);
        var entry = WorkRegistry.Snapshot().Single(w => w.Name == "send-receipt");
        Assert.Equal(TrackedWorkKind.BackgroundTask, entry.Kind);
        Assert.Contains(nameof(Background_tasks_appear_in_the_registry_while_they_run), entry.StartSite, StringComparison.Ordinal);

        release.SetResult();
        await owner.DrainAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).WithinAsync(ct: TestContext.Current.CancellationToken);
        Assert.DoesNotContain(WorkRegistry.Snapshot(), w => w.Name == "send-receipt");
        Assert.Equal(before, WorkRegistry.LiveCount(TrackedWorkKind.BackgroundTask));
    }
}
