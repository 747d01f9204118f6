using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Warden.Analyzers.Common;

/// <summary>The LINQ, <c>Math</c> and limiter symbols WD303 reads, resolved once per compilation.</summary>
internal sealed class FanOutShapes
{
    private readonly INamedTypeSymbol _enumerable;
    private readonly INamedTypeSymbol? _math;
    private readonly ImmutableArray<INamedTypeSymbol> _limiters;

    public FanOutShapes(TaskShapes shapes, INamedTypeSymbol enumerable, INamedTypeSymbol? math, ImmutableArray<INamedTypeSymbol> limiters)
    {
        Shapes = shapes;
        _enumerable = enumerable;
        _math = math;
        _limiters = limiters;
    }

    /// <summary>The task types.</summary>
    public TaskShapes Shapes { get; }

    /// <summary>True for <c>System.Linq.Enumerable</c>.</summary>
    public bool IsEnumerable(INamedTypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _enumerable);

    /// <summary>True for <c>System.Math</c>.</summary>
    public bool IsMath(INamedTypeSymbol? type) => _math is not null && SymbolEqualityComparer.Default.Equals(type, _math);

    /// <summary>Returns <paramref name="value"/> as a <c>source.Select(selector)</c> call, or null.</summary>
    public IInvocationOperation? SelectCall(IOperation value) =>
        value is IInvocationOperation { TargetMethod.Name: "Select", Arguments.Length: 2 } invocation
        && IsEnumerable(invocation.TargetMethod.ContainingType)
            ? invocation
            : null;

    /// <summary>Skips <c>ToList()</c>, <c>ToArray()</c> and friends, which keep the element count.</summary>
    public static IOperation PeelMaterializer(IOperation value)
    {
        while (value is IInvocationOperation { Arguments.Length: 1, TargetMethod.Name: "ToList" or "ToArray" or "ToHashSet" or "AsEnumerable" } invocation
            && invocation.TargetMethod.IsExtensionMethod)
        {
            value = StripConversions(invocation.Arguments[0].Value);
        }

        return value;
    }

    /// <summary>
    /// Skips LINQ operators that filter, order, project or materialize (<c>Where</c>, <c>OrderBy</c>, <c>Select</c>,
    /// <c>ToArray</c>...), which never yield more elements than their source; stops at anything that can add some
    /// (<c>Concat</c>, <c>SelectMany</c>) or is not LINQ.
    /// </summary>
    public IOperation PeelFilters(IOperation value)
    {
        value = StripConversions(value);
        while (value is IInvocationOperation { Arguments.Length: > 0 } invocation
            && IsEnumerable(invocation.TargetMethod.ContainingType)
            && IsFilter(invocation.TargetMethod.Name))
        {
            value = StripConversions(invocation.Arguments[0].Value);
        }

        return value;
    }

    /// <summary>True when <paramref name="code"/> touches a SemaphoreSlim or a RateLimiter: a limit the reader can see.</summary>
    public bool IsLimited(IOperation code)
    {
        if (_limiters.IsEmpty)
        {
            return false;
        }

        foreach (var operation in code.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { Instance: { Type: { } receiver } }
                && IsLimiter(receiver))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFilter(string name) => name is "Where" or "OfType" or "Cast" or "Select" or "Distinct" or "DistinctBy"
        or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Reverse" or "Take" or "Skip" or "TakeWhile" or "SkipWhile"
        or "AsEnumerable" or "ToArray" or "ToList" or "ToHashSet";

    private static IOperation StripConversions(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private bool IsLimiter(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var limiter in _limiters)
            {
                if (SymbolEqualityComparer.Default.Equals(current, limiter))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
