using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
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

    [Fact]
    public async Task A_lifetime_registered_before_runs_inside_Wardens_and_is_disposed_with_the_host()
    {
        var events = new ConcurrentQueue<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(events);
        builder.Services.AddSingleton<IHostLifetime, RecordingLifetime>();
        builder.Services.AddWardenShutdown();
        var host = builder.Build();
        try
        {
            // One registration: the host resolves Warden's, which holds the one registered before.
            Assert.IsType<ShutdownSignalLifetime>(Assert.Single(host.Services.GetServices<IHostLifetime>()));

            var start = host.StartAsync(Ct);
            await Eventually.UntilAsync(() => events.Contains("inner start"), Bounded.DefaultBound, "the inner lifetime should be asked to start", Ct);

            // The host's start waits for the inner lifetime, as it would without Warden (systemd's waits for nothing,
            // a Windows service's for the service control manager).
            Assert.False(start.IsCompleted);
            Assert.IsType<RecordingLifetime>(Unwrap(host)).Started.SetResult();
            await start.WithinAsync(ct: Ct);

            await host.StopAsync(Ct).WithinAsync(ct: Ct);
            Assert.Equal(["inner start", "inner stop"], events);
        }
        finally
        {
            host.Dispose();
        }

        Assert.Equal(["inner start", "inner stop", "inner disposed"], events);
    }

    [Fact]
    public async Task Systemds_own_lifetime_still_reports_ready_and_stopping_inside_Wardens()
    {
        var events = new ConcurrentQueue<string>();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<ISystemdNotifier>(new RecordingSystemdNotifier(events));
        builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        builder.Services.AddWardenShutdown();
        using var host = builder.Build();

        Assert.IsType<SystemdLifetime>(Unwrap(host));
        await host.StartAsync(Ct).WithinAsync(ct: Ct);
        await Eventually.UntilAsync(() => events.Contains("systemd READY=1"), Bounded.DefaultBound, "systemd should hear that the service is ready", Ct);
        await host.StopAsync(Ct).WithinAsync(ct: Ct);

        Assert.Equal(["systemd READY=1", "systemd STOPPING=1"], events);
    }

    [Fact]
    public async Task A_lifetime_registered_as_an_instance_is_run_but_left_to_its_owner_to_dispose()
    {
        var events = new ConcurrentQueue<string>();
        using var own = new RecordingLifetime(events);
        own.Started.SetResult();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IHostLifetime>(own);
        builder.Services.AddWardenShutdown();
        using (var host = builder.Build())
        {
            await host.StartAsync(Ct).WithinAsync(ct: Ct);
            await host.StopAsync(Ct).WithinAsync(ct: Ct);
        }

        Assert.Equal(["inner start", "inner stop"], events);
    }

    [Fact]
    public async Task A_lifetime_that_fails_to_start_fails_the_hosts_start_with_its_error()
    {
        var events = new ConcurrentQueue<string>();
        var failure = new InvalidOperationException("the service control manager said no");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IHostLifetime>(_ => new RecordingLifetime(events) { StartFailure = failure });
        builder.Services.AddWardenShutdown();
        using var host = builder.Build();

        var start = host.StartAsync(Ct);
        await Eventually.UntilAsync(() => events.Contains("inner start"), Bounded.DefaultBound, "the inner lifetime should be asked to start", Ct);
        Assert.IsType<RecordingLifetime>(Unwrap(host)).Started.SetResult();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => start.WithinAsync(ct: Ct));
        Assert.Same(failure, thrown);
    }

    [Fact]
    public async Task A_lifetime_registered_after_is_named_in_a_warning_at_start()
    {
        var logs = new FakeLogCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        builder.Services.AddSingleton(new ConcurrentQueue<string>());
        builder.Services.AddWardenShutdown();
        builder.Services.AddSingleton<IHostLifetime, RecordingLifetime>();
        using var host = builder.Build();
        Assert.IsType<RecordingLifetime>(host.Services.GetRequiredService<IHostLifetime>()).Started.SetResult();

        await host.StartAsync(Ct).WithinAsync(ct: Ct);
        await host.StopAsync(Ct).WithinAsync(ct: Ct);

        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 8105);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("RecordingLifetime", warning.Message, StringComparison.Ordinal);
        Assert.Contains("call AddWardenShutdown after", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_lifetime_warning_when_Wardens_lifetime_is_the_hosts()
    {
        var logs = new FakeLogCollector();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new FakeLoggerProvider(logs));
        builder.Services.AddWardenShutdown();
        using var host = builder.Build();

        await host.StartAsync(Ct).WithinAsync(ct: Ct);
        await host.StopAsync(Ct).WithinAsync(ct: Ct);

        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == 8105);
        Assert.NotEmpty(logs.GetSnapshot());
    }

    [Fact]
    public void The_console_lifetime_is_replaced_not_run_inside()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddWardenShutdown();
        using var host = builder.Build();

        Assert.Null(Unwrap(host));
    }

    private static IHostLifetime? Unwrap(IHost host) =>
        ((ShutdownSignalLifetime)host.Services.GetRequiredService<IHostLifetime>()).Inner?.Lifetime;
}
