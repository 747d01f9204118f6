using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace Warden.Hosting;

/// <summary>
/// The host lifetime that was registered before <c>AddWardenShutdown</c> (systemd's, a Windows service's, or the
/// app's own), which Warden's lifetime runs inside instead of replacing it: systemd still hears "ready" and "stopping",
/// and the service control manager still sees the service start.
/// </summary>
/// <param name="Lifetime">The lifetime to delegate to.</param>
/// <param name="Owned">Whether Warden created it and so disposes it (the container no longer knows about it).</param>
internal sealed record InnerHostLifetime(IHostLifetime Lifetime, bool Owned)
{
    /// <summary>
    /// Creates the lifetime <paramref name="descriptor"/> describes, or returns <see langword="null"/> for none and for
    /// the console lifetime, which Warden replaces: its own signal handlers would race the coordinator's.
    /// </summary>
    /// <param name="descriptor">The registration that Warden took out of the service collection, if any.</param>
    /// <param name="services">The container, for the lifetime's dependencies.</param>
    /// <returns>The lifetime to run inside Warden's, or <see langword="null"/>.</returns>
    public static InnerHostLifetime? Create(ServiceDescriptor? descriptor, IServiceProvider services)
    {
        if (descriptor is null || descriptor.ImplementationType == typeof(ConsoleLifetime))
        {
            return null;
        }

        if (descriptor.ImplementationInstance is IHostLifetime instance)
        {
            // Registered as an instance: whoever created it owns it, as the container would have left it alone too.
            return new InnerHostLifetime(instance, Owned: false);
        }

        var created = descriptor.ImplementationFactory is { } factory
            ? factory(services)
            : ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
        if (created is ConsoleLifetime console)
        {
            // A factory that makes the console lifetime: replaced like the type registration.
            console.Dispose();
            return null;
        }

        return new InnerHostLifetime((IHostLifetime)created, Owned: true);
    }
}
