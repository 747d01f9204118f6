using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Warden.Hosting;

/// <summary>Registers Warden's graceful shutdown with the Generic Host (worker services and ASP.NET Core).</summary>
public static class ShutdownServiceCollectionExtensions
{
    /// <summary>The name of the readiness health check that turns unhealthy at shutdown step 2.</summary>
    public const string ReadinessCheckName = "warden-shutdown";

    /// <summary>
    /// Adds the <see cref="ShutdownCoordinator"/> and hooks its five steps into the host: the signals (SIGTERM,
    /// SIGINT, SIGQUIT) replace the console lifetime, and a lifetime registered before this call (for example by
    /// <c>UseSystemd</c> or <c>UseWindowsService</c>) keeps running inside Warden's; steps 2-4 run before any hosted
    /// service stops, with Kestrel's listeners unbound at step 2; step 5 runs after the server and every hosted
    /// service have stopped.
    /// Also registers a <see cref="BackgroundTasks"/> singleton that step 2 drains, a readiness health check
    /// (<see cref="ReadinessCheckName"/>, tag <c>ready</c>), and sets <c>HostOptions.ShutdownTimeout</c> to the
    /// budget less the margin and the close timeout. Invalid options fail host start-up with the arithmetic.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddWardenShutdown(this IServiceCollection services, Action<ShutdownOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ShutdownOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // A second call only adds its configuration: one coordinator, one lifetime, one set of hooks.
        if (services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ShutdownHostedService)))
        {
            return services;
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ShutdownCoordinator(
            sp.GetRequiredService<IOptions<ShutdownOptions>>().Value,
            sp.GetService<ILogger<ShutdownCoordinator>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new BackgroundTasks(
            new BackgroundTasksOptions { TimeProvider = sp.GetRequiredService<TimeProvider>() },
            sp.GetService<ILogger<BackgroundTasks>>()));
        services.TryAddSingleton<ListenerTracker>();
        services.AddSingleton<IConnectionListenerFactory, ObservedSocketListenerFactory>();
        // The lifetime registered so far (the last one is what the host would resolve) runs inside Warden's, unless
        // it is the console lifetime, which Warden's replaces.
        var previousLifetime = services.LastOrDefault(d => d.ServiceType == typeof(IHostLifetime) && !d.IsKeyedService);
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostLifetime) && !services[i].IsKeyedService)
            {
                services.RemoveAt(i);
            }
        }

        services.AddSingleton<IHostLifetime>(sp => new ShutdownSignalLifetime(
            sp.GetRequiredService<ShutdownCoordinator>(),
            sp.GetRequiredService<IHostApplicationLifetime>(),
            sp.GetRequiredService<ILogger<ShutdownSignalLifetime>>(),
            InnerHostLifetime.Create(previousLifetime, sp)));

        // First in the list: the host calls StoppingAsync in reverse order of registration for lifecycle services
        // it knows, and StopAsync in reverse order, so this service stops after the server and the app's services.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, ShutdownHostedService>());

        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
        {
            var value = shutdown.Value;
            host.ShutdownTimeout = value.Budget - value.Margin - value.CloseTimeout;
        });
        services.AddHealthChecks().AddCheck<ShutdownReadinessHealthCheck>(ReadinessCheckName, tags: ["ready"]);
        return services;
    }
}
