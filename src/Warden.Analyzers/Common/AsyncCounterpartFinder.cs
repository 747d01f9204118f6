using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>
/// Finds the async counterpart of a method by symbol, not by name alone: a method named <c>XxxAsync</c> (or
/// <c>XxxTaskAsync</c>, for WebClient's task-based API) on the same type or a base type, with the same
/// staticness, an awaitable return type, and the same parameters plus an optional trailing CancellationToken.
/// A <c>Span</c> parameter may correspond to a <c>Memory</c> one (Stream.Read/ReadAsync). Results are cached.
/// </summary>
internal sealed class AsyncCounterpartFinder
{
    private readonly WellKnownTypes _types;
    private readonly ConcurrentDictionary<IMethodSymbol, AsyncCounterpart?> _cache = new(SymbolEqualityComparer.Default);
    private readonly System.Func<IMethodSymbol, AsyncCounterpart?> _find;

    /// <summary>Creates a finder for one compilation.</summary>
    public AsyncCounterpartFinder(WellKnownTypes types)
    {
        _types = types;
        _find = Find;
    }

    /// <summary>The counterpart of <paramref name="method"/>, or null when it has none.</summary>
    public AsyncCounterpart? For(IMethodSymbol method) => _cache.GetOrAdd(method.OriginalDefinition, _find);

    private AsyncCounterpart? Find(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || _types.IsAwaitable(method.ReturnType) || method.Name.EndsWith("Async", System.StringComparison.Ordinal))
        {
            return null;
        }

        return FindNamed(method, method.Name + "Async") ?? FindNamed(method, method.Name + "TaskAsync");
    }

    private AsyncCounterpart? FindNamed(IMethodSymbol method, string name)
    {
        AsyncCounterpart? best = null;
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is not IMethodSymbol candidate
                    || candidate.IsStatic != method.IsStatic
                    || candidate.Arity != method.Arity
                    || candidate.DeclaredAccessibility < method.DeclaredAccessibility
                    || !_types.IsAwaitable(candidate.ReturnType)
                    || _types.IsObsolete(candidate)
                    || Compare(method, candidate) is not { } match)
                {
                    continue;
                }

                if (best is null || Rank(match) > Rank(best))
                {
                    best = match;
                }
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    private static int Rank(AsyncCounterpart counterpart) =>
        (counterpart.SameParameters ? 2 : 0) + (counterpart.AcceptsCancellationToken ? 1 : 0);

    private AsyncCounterpart? Compare(IMethodSymbol method, IMethodSymbol candidate)
    {
        var count = method.Parameters.Length;
        var takesToken = candidate.Parameters.Length == count + 1 && _types.IsCancellationToken(candidate.Parameters[count].Type);
        if (candidate.Parameters.Length != count && !takesToken)
        {
            return null;
        }

        var same = true;
        for (var i = 0; i < count; i++)
        {
            var expected = method.Parameters[i];
            var actual = candidate.Parameters[i];
            if (expected.RefKind != actual.RefKind)
            {
                return null;
            }

            if (SameType(expected.Type, actual.Type))
            {
                continue;
            }

            if (!SpanMatchesMemory(expected.Type, actual.Type))
            {
                return null;
            }

            same = false;
        }

        return new AsyncCounterpart(candidate, same, takesToken);
    }

    private static bool SameType(ITypeSymbol expected, ITypeSymbol actual)
    {
        if (expected is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } left
            && actual is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } right)
        {
            return left.Ordinal == right.Ordinal;
        }

        return SymbolEqualityComparer.Default.Equals(expected, actual);
    }

    // Stream.Read(Span<byte>) pairs with ReadAsync(Memory<byte>), Write(ReadOnlySpan<byte>) with WriteAsync(ReadOnlyMemory<byte>).
    private static bool SpanMatchesMemory(ITypeSymbol expected, ITypeSymbol actual) =>
        expected is INamedTypeSymbol { Arity: 1 } span && actual is INamedTypeSymbol { Arity: 1 } memory
        && span.ContainingNamespace?.Name == "System" && memory.ContainingNamespace?.Name == "System"
        && ((span.Name == "Span" && memory.Name == "Memory") || (span.Name == "ReadOnlySpan" && memory.Name == "ReadOnlyMemory"))
        && SymbolEqualityComparer.Default.Equals(span.TypeArguments[0], memory.TypeArguments[0]);
}
