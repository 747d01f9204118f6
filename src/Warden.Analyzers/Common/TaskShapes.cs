using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>
/// The task types whose loss drops an exception (Task, ValueTask, their generic forms and the awaitables
/// <c>ConfigureAwait</c> returns), resolved once per compilation, and the calls that create no work to own.
/// </summary>
internal sealed class TaskShapes
{
    private readonly WellKnownTypes _types;
    private readonly INamedTypeSymbol? _configuredTask;
    private readonly INamedTypeSymbol? _configuredTaskOfT;
    private readonly INamedTypeSymbol? _configuredValueTask;
    private readonly INamedTypeSymbol? _configuredValueTaskOfT;

    private TaskShapes(Compilation compilation, WellKnownTypes types, INamedTypeSymbol task)
    {
        _types = types;
        Task = task;
        _configuredTask = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable");
        _configuredTaskOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1");
        _configuredValueTask = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable");
        _configuredValueTaskOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1");
    }

    /// <summary>System.Threading.Tasks.Task.</summary>
    public INamedTypeSymbol Task { get; }

    /// <summary>Resolves the types, or returns null when the compilation has no Task type at all.</summary>
    public static TaskShapes? Create(Compilation compilation)
    {
        var types = WellKnownTypes.Create(compilation);
        return types.Task is { } task ? new TaskShapes(compilation, types, task) : null;
    }

    /// <summary>True for Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt; (and types derived from Task) and their ConfigureAwait forms.</summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        if (_types.IsTaskLike(type))
        {
            return true;
        }

        var definition = (type as INamedTypeSymbol)?.OriginalDefinition;
        return definition is not null
            && (Same(definition, _configuredTask) || Same(definition, _configuredTaskOfT)
                || Same(definition, _configuredValueTask) || Same(definition, _configuredValueTaskOfT));
    }

    /// <summary>
    /// True when a call returns a task that represents new work someone must observe, rather than an already
    /// completed task (<c>Task.FromResult</c>, <c>Task.FromException</c>…) or a <c>WhenAny</c> that never faults.
    /// </summary>
    public bool StartsWork(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IConditionalAccessOperation conditional)
        {
            value = conditional.WhenNotNull;
        }

        if (value is not IInvocationOperation invocation || !IsTaskLike(invocation.Type))
        {
            return false;
        }

        var method = invocation.TargetMethod;
        if (method.ContainingType.Name is "Interlocked" or "Volatile")
        {
            // Swapping a task in a field hands back the old one; no work starts here.
            return false;
        }

        if (Same(method.ContainingType.OriginalDefinition, Task) || Same(method.ContainingType.OriginalDefinition, _types.ValueTask))
        {
            return method.Name is not ("FromResult" or "FromException" or "FromCanceled" or "WhenAny" or "CompletedTask");
        }

        return true;
    }

    private static bool Same(ITypeSymbol? a, ITypeSymbol? b) => b is not null && SymbolEqualityComparer.Default.Equals(a, b);
}
