using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Warden.Hosting.Tests;

/// <summary>The coordinator inside a Generic Host (a worker service), in process.</summary>
[Collection(LeakAuditedGroup.Name)]
public sealed class HostIntegrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Worker_service_runs_the_steps_around_the_hosts_own_stop_and_closes_resources_last()
    {
        var events = new ConcurrentQueue<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWardenShutdown(o => o.GracePeriod = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(events);
        builder.Services.AddHostedService<RecordingWorker>();
        using var host = builder.Build();
        var coordinator = host.Services.GetRequiredService<ShutdownCoordinator>();
        coordinator.Stopping.Register(() => events.Enqueue("stopping"));
        coordinator.Cancelling.Register(() => events.Enqueue("cancelling"));
        coordinator.RegisterForClose(new RecordingResource("pool", events), "pool");

        await host.StartAsync(Ct).WithinAsync(ct: Ct);
        await Eventually.UntilAsync(() => events.Contains("worker started"), Bounded.DefaultBound, "the hosted worker should start", Ct);
        await host.StopAsync(Ct).WithinAsync(ct: Ct);
        var report = await coordinator.RunAsync("already run", Ct).WithinAsync(ct: Ct);

        Assert.Equal(["worker started", "stopping", "cancelling", "worker stopped", "close pool"], events);
        Assert.Equal("host stop requested", report.Reason);
        Assert.Equal(["pool"], report.Closed);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public async Task BackgroundTasks_from_the_container_are_drained_at_shutdown()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWardenShutdown(o => o.GracePeriod = TimeSpan.FromSeconds(5));
        using var host = builder.Build();
        var coordinator = host.Services.GetRequiredService<ShutdownCoordinator>();
        var tasks = host.Services.GetRequiredService<BackgroundTasks>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await host.StartAsync(Ct).WithinAsync(ct: Ct);

        // The task finishes on its own once shutdown has begun: the grace period must wait for it.
        Assert.True(tasks.TryStart("send receipt", async _ =>
        {
            started.TrySetResult();
            await coordinator.Stopping.WhenCancelled();
            finished.TrySetResult();
        }));
        await started.Task.WithinAsync(ct: Ct);
        await host.StopAsync(Ct).WithinAsync(ct: Ct);
        var report = await coordinator.RunAsync("already run", Ct).WithinAsync(ct: Ct);

        Assert.True(finished.Task.IsCompleted);
        Assert.Contains("drain: background tasks", report.Drained);
        Assert.False(tasks.TryStart("after shutdown", _ => Task.CompletedTask));
    }

    [Fact]
    public void Start_up_fails_with_the_arithmetic_when_the_steps_do_not_fit_the_budget()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWardenShutdown(o => o.Budget = TimeSpan.FromSeconds(10));

        var ex = Assert.Throws<OptionsValidationException>(() =>
        {
            using var host = builder.Build();
            host.Services.GetRequiredService<ShutdownCoordinator>();
        });

        Assert.Contains("= 27 s > budget 10 s. Shorten a step by 17 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_validation_runs_before_anything_asks_for_the_coordinator()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWardenShutdown(o => o.GracePeriod = TimeSpan.FromMinutes(1));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = builder.Build();
            await host.StartAsync(Ct).WithinAsync(ct: Ct);
        });

        Assert.Contains("grace 60 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_shutdown_timeout_leaves_room_for_step_5_and_the_margin()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWardenShutdown();
        using var host = builder.Build();

        var timeout = host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;

        Assert.Equal(TimeSpan.FromSeconds(30 - 2 - 3), timeout);
    }

    [Fact]
    public void Calling_AddWardenShutdown_twice_adds_configuration_not_a_second_set_of_hooks()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddWardenShutdown(o => o.GracePeriod = TimeSpan.FromSeconds(10));
        builder.Services.AddWardenShutdown(o => o.CancelTimeout = TimeSpan.FromSeconds(1));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<ShutdownCoordinator>().Options;

        Assert.Single(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "ShutdownHostedService");
        Assert.Equal(TimeSpan.FromSeconds(10), options.GracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(1), options.CancelTimeout);
    }

    [Fact]
    public void The_coordinator_replaces_the_console_lifetime()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddWardenShutdown();
        using var host = builder.Build();

        Assert.Equal("ShutdownSignalLifetime", host.Services.GetRequiredService<IHostLifetime>().GetType().Name);
    }
}
