using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>A task local whose ownership <see cref="TaskOwnershipFlow"/> follows, with the collections that do not count as owners.</summary>
internal sealed class TrackedLocal
{
    public TrackedLocal(ILocalSymbol local, HashSet<ILocalSymbol> deadCollections)
    {
        Local = local;
        DeadCollections = deadCollections;
    }

    /// <summary>The local that holds the task.</summary>
    public ILocalSymbol Local { get; }

    /// <summary>Local collections that are filled and never read.</summary>
    public HashSet<ILocalSymbol> DeadCollections { get; }
}
