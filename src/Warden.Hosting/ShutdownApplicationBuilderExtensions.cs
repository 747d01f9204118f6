using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Warden.Hosting;

/// <summary>Adds Warden's request tracking to an ASP.NET Core pipeline.</summary>
public static class ShutdownApplicationBuilderExtensions
{
    /// <summary>
    /// Tracks every request as in-flight work that the grace period waits for, and cancels
    /// <c>HttpContext.RequestAborted</c> at step 4. Put it first in the pipeline so every request is counted.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The application builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException"><c>AddWardenShutdown</c> was not called.</exception>
    public static IApplicationBuilder UseWardenShutdown(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetService<ShutdownCoordinator>() is null)
        {
            throw new InvalidOperationException("UseWardenShutdown needs the shutdown coordinator: call builder.Services.AddWardenShutdown() before building the app.");
        }

        return app.UseMiddleware<ShutdownTrackingMiddleware>();
    }
}
