using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>
/// Warden's owners of background work, resolved by metadata name so the rules work whether or not the
/// Warden runtime is referenced: <c>Warden.ITaskGroup.Spawn/SpawnAsync</c> and <c>Warden.BackgroundTasks.TryStart</c>.
/// Work handed to them has an owner that awaits it.
/// </summary>
internal sealed class TaskOwners
{
    private readonly INamedTypeSymbol? _taskGroup;
    private readonly INamedTypeSymbol? _backgroundTasks;

    private TaskOwners(INamedTypeSymbol? taskGroup, INamedTypeSymbol? backgroundTasks)
    {
        _taskGroup = taskGroup;
        _backgroundTasks = backgroundTasks;
    }

    /// <summary>Resolves the owner types in <paramref name="compilation"/>.</summary>
    public static TaskOwners Create(Compilation compilation) =>
        new(compilation.GetTypeByMetadataName("Warden.ITaskGroup"), compilation.GetTypeByMetadataName("Warden.BackgroundTasks"));

    /// <summary>True when <paramref name="method"/> hands work to a Warden owner.</summary>
    public bool IsOwner(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (_backgroundTasks is not null && method.Name == "TryStart" && SymbolEqualityComparer.Default.Equals(type, _backgroundTasks))
        {
            return true;
        }

        if (_taskGroup is null || method.Name is not ("Spawn" or "SpawnAsync"))
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, _taskGroup))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, _taskGroup))
            {
                return true;
            }
        }

        return false;
    }
}
