using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Warden.Hosting;

/// <summary>Readiness: unhealthy from shutdown step 2 on, so load balancers stop sending new work.</summary>
internal sealed class ShutdownReadinessHealthCheck(ShutdownCoordinator coordinator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(coordinator.Stopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down: no longer accepting new work (shutdown step 2).")
            : HealthCheckResult.Healthy("Accepting work."));
}
