using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>The Microsoft.Extensions.Hosting contracts the shutdown rules recognise, resolved by metadata name.</summary>
internal sealed class HostingTypes
{
    private HostingTypes(Compilation compilation)
    {
        BackgroundService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.BackgroundService");
        HostedService = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHostedService");
        Token = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
    }

    /// <summary>Microsoft.Extensions.Hosting.BackgroundService, if referenced.</summary>
    public INamedTypeSymbol? BackgroundService { get; }

    /// <summary>Microsoft.Extensions.Hosting.IHostedService, if referenced.</summary>
    public INamedTypeSymbol? HostedService { get; }

    /// <summary>System.Threading.CancellationToken.</summary>
    public INamedTypeSymbol? Token { get; }

    /// <summary>Resolves the types in <paramref name="compilation"/>.</summary>
    public static HostingTypes Create(Compilation compilation) => new(compilation);

    /// <summary>True when <paramref name="method"/> overrides <c>BackgroundService.ExecuteAsync</c>.</summary>
    public bool IsExecuteAsync(IMethodSymbol method)
    {
        if (BackgroundService is null || method.Name != "ExecuteAsync")
        {
            return false;
        }

        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.ContainingType, BackgroundService))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="method"/> implements (implicitly or explicitly) or overrides <c>IHostedService.StopAsync</c>.</summary>
    public bool IsStopAsync(IMethodSymbol method)
    {
        if (HostedService is null || method.Parameters.Length != 1
            || (method.Name != "StopAsync" && method.MethodKind != MethodKind.ExplicitInterfaceImplementation))
        {
            return false;
        }

        foreach (var member in HostedService.GetMembers("StopAsync"))
        {
            // `Task IHostedService.StopAsync(...)`: its name is the qualified one, so match the interface member itself.
            foreach (var implemented in method.ExplicitInterfaceImplementations)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, member))
                {
                    return true;
                }
            }

            var implementation = method.ContainingType.FindImplementationForInterfaceMember(member);
            for (var candidate = method; candidate is not null; candidate = candidate.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(implementation, candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
