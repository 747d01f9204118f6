using System.Linq;

namespace Warden.Analyzers.CodeFixes.Common;

/// <summary>Finds a usable CancellationToken or TimeProvider at a position, for fixes that should forward them.</summary>
internal static class SymbolsInScope
{
    /// <summary>The name of the closest <c>CancellationToken</c> usable at <paramref name="node"/>, or null.</summary>
    public static string? FindCancellationToken(SemanticModel model, SyntaxNode node) =>
        Find(model, node, model.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken"));

    /// <summary>The name of the closest <c>TimeProvider</c> usable at <paramref name="node"/>, or null.</summary>
    public static string? FindTimeProvider(SemanticModel model, SyntaxNode node) =>
        Find(model, node, model.Compilation.GetTypeByMetadataName("System.TimeProvider"));

    // Parameters of the enclosing functions first (innermost wins), then locals declared before the node,
    // then fields and properties of the enclosing type (instance ones only from an instance member).
    private static string? Find(SemanticModel model, SyntaxNode node, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var position = node.SpanStart;
        var visible = model.LookupSymbols(position);
        var enclosing = model.GetEnclosingSymbol(position);
        var inStaticMember = IsInStaticMember(enclosing);

        var parameter = visible.OfType<IParameterSymbol>()
            .Where(p => SymbolEqualityComparer.Default.Equals(p.Type, type))
            .OrderBy(p => Depth(p.ContainingSymbol, enclosing))
            .FirstOrDefault();
        if (parameter is not null)
        {
            return parameter.Name;
        }

        var local = visible.OfType<ILocalSymbol>()
            .Where(l => SymbolEqualityComparer.Default.Equals(l.Type, type)
                && l.DeclaringSyntaxReferences.All(r => r.Span.End < position))
            .FirstOrDefault();
        if (local is not null)
        {
            return local.Name;
        }

        var member = visible
            .Where(s => s is IFieldSymbol or IPropertySymbol && (s.IsStatic || !inStaticMember))
            .FirstOrDefault(s => SymbolEqualityComparer.Default.Equals(s is IFieldSymbol f ? f.Type : ((IPropertySymbol)s).Type, type));
        return member?.Name;
    }

    private static int Depth(ISymbol? owner, ISymbol? enclosing)
    {
        var depth = 0;
        for (var current = enclosing; current is not null; current = current.ContainingSymbol, depth++)
        {
            if (SymbolEqualityComparer.Default.Equals(current, owner))
            {
                return depth;
            }
        }

        return int.MaxValue;
    }

    private static bool IsInStaticMember(ISymbol? enclosing)
    {
        for (var current = enclosing; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) } method)
            {
                return method.IsStatic;
            }

            if (current is INamedTypeSymbol)
            {
                return false;
            }
        }

        return false;
    }
}
