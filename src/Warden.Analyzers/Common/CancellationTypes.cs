using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>The exception and token types the cancellation rules compare against, resolved once per compilation.</summary>
internal sealed class CancellationTypes
{
    public CancellationTypes(INamedTypeSymbol canceled, INamedTypeSymbol? taskCanceled, INamedTypeSymbol token, INamedTypeSymbol exception)
    {
        Canceled = canceled;
        TaskCanceled = taskCanceled;
        Token = token;
        Exception = exception;
    }

    /// <summary>System.OperationCanceledException.</summary>
    public INamedTypeSymbol Canceled { get; }

    /// <summary>System.Threading.Tasks.TaskCanceledException, when the compilation has it.</summary>
    public INamedTypeSymbol? TaskCanceled { get; }

    /// <summary>System.Threading.CancellationToken.</summary>
    public INamedTypeSymbol Token { get; }

    /// <summary>System.Exception.</summary>
    public INamedTypeSymbol Exception { get; }

    /// <summary>True for OperationCanceledException and TaskCanceledException.</summary>
    public bool IsCancellation(ITypeSymbol? type) =>
        SymbolEqualityComparer.Default.Equals(type, Canceled) || (TaskCanceled is not null && SymbolEqualityComparer.Default.Equals(type, TaskCanceled));
}
