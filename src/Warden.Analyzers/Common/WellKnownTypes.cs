using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>Framework types the rules compare against, resolved once per compilation.</summary>
internal sealed class WellKnownTypes
{
    private WellKnownTypes(Compilation compilation)
    {
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        TimeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        SemaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
        ManualResetEventSlim = compilation.GetTypeByMetadataName("System.Threading.ManualResetEventSlim");
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        ObsoleteAttribute = compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
        Awaiters =
        [
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.TaskAwaiter`1"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ValueTaskAwaiter`1"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter"),
            compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter"),
        ];
    }

    /// <summary><c>System.Threading.Tasks.Task</c>.</summary>
    public INamedTypeSymbol? Task { get; }

    /// <summary><c>System.Threading.Tasks.Task&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? TaskOfT { get; }

    /// <summary><c>System.Threading.Tasks.ValueTask</c>.</summary>
    public INamedTypeSymbol? ValueTask { get; }

    /// <summary><c>System.Threading.Tasks.ValueTask&lt;T&gt;</c>.</summary>
    public INamedTypeSymbol? ValueTaskOfT { get; }

    /// <summary><c>System.Threading.CancellationToken</c>.</summary>
    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary><c>System.TimeProvider</c> (.NET 8 and later, or the Microsoft.Bcl.TimeProvider package).</summary>
    public INamedTypeSymbol? TimeProvider { get; }

    /// <summary><c>System.Threading.Thread</c>.</summary>
    public INamedTypeSymbol? Thread { get; }

    /// <summary><c>System.Threading.SemaphoreSlim</c>.</summary>
    public INamedTypeSymbol? SemaphoreSlim { get; }

    /// <summary><c>System.Threading.ManualResetEventSlim</c>.</summary>
    public INamedTypeSymbol? ManualResetEventSlim { get; }

    /// <summary><c>System.IO.Stream</c>.</summary>
    public INamedTypeSymbol? Stream { get; }

    /// <summary><c>System.ObsoleteAttribute</c>.</summary>
    public INamedTypeSymbol? ObsoleteAttribute { get; }

    /// <summary>The awaiter types of Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt; and their ConfigureAwait forms.</summary>
    private INamedTypeSymbol?[] Awaiters { get; }

    /// <summary>Resolves the types of <paramref name="compilation"/>.</summary>
    public static WellKnownTypes Create(Compilation compilation) => new(compilation);

    /// <summary>True for Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt; (and types derived from Task).</summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, ValueTask) || SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT))
        {
            return true;
        }

        for (var current = definition; current is not null; current = current.BaseType?.OriginalDefinition)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Task) || SymbolEqualityComparer.Default.Equals(current, TaskOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> can be awaited: task-like, or it has a parameterless instance <c>GetAwaiter</c>.</summary>
    public bool IsAwaitable(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (IsTaskLike(type))
        {
            return true;
        }

        foreach (var member in type.GetMembers("GetAwaiter"))
        {
            if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for the awaiter of a task or value task, with or without ConfigureAwait.</summary>
    public bool IsTaskAwaiter(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        var definition = named.OriginalDefinition;
        foreach (var awaiter in Awaiters)
        {
            if (SymbolEqualityComparer.Default.Equals(definition, awaiter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is <c>CancellationToken</c>.</summary>
    public bool IsCancellationToken(ITypeSymbol? type) =>
        CancellationToken is not null && SymbolEqualityComparer.Default.Equals(type, CancellationToken);

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool InheritsFromOrEquals(ITypeSymbol? type, ITypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="symbol"/> carries <c>[Obsolete]</c>.</summary>
    public bool IsObsolete(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ObsoleteAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
