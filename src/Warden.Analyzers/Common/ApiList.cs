using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>
/// A list of APIs named in an option: each entry is a type (<c>System.IO.MemoryStream</c>, all its members)
/// or a member (<c>System.IO.File.ReadAllText</c>, all overloads), separated by commas or semicolons.
/// Generic types use their metadata name (<c>System.Collections.Generic.List`1</c>), nested types a <c>+</c>.
/// </summary>
internal sealed class ApiList
{
    private static readonly char[] s_separators = [',', ';'];

    private readonly HashSet<INamedTypeSymbol> _wholeTypes;
    private readonly Dictionary<INamedTypeSymbol, HashSet<string>> _members;

    private ApiList(HashSet<INamedTypeSymbol> wholeTypes, Dictionary<INamedTypeSymbol, HashSet<string>> members)
    {
        _wholeTypes = wholeTypes;
        _members = members;
    }

    /// <summary>The empty list.</summary>
    public static ApiList Empty { get; } = new(
        new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default),
        new Dictionary<INamedTypeSymbol, HashSet<string>>(SymbolEqualityComparer.Default));

    /// <summary>True when the list names nothing.</summary>
    public bool IsEmpty => _wholeTypes.Count == 0 && _members.Count == 0;

    /// <summary>Parses <paramref name="value"/> and resolves its names in <paramref name="compilation"/>; unknown names are ignored.</summary>
    public static ApiList Parse(string? value, Compilation compilation)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Empty;
        }

        var wholeTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var members = new Dictionary<INamedTypeSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
        foreach (var raw in value!.Split(s_separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                continue;
            }

            if (compilation.GetTypeByMetadataName(entry) is { } type)
            {
                wholeTypes.Add(type);
                continue;
            }

            var lastDot = entry.LastIndexOf('.');
            if (lastDot <= 0 || lastDot == entry.Length - 1)
            {
                continue;
            }

            if (compilation.GetTypeByMetadataName(entry.Substring(0, lastDot)) is { } containingType)
            {
                if (!members.TryGetValue(containingType, out var names))
                {
                    names = new HashSet<string>(StringComparer.Ordinal);
                    members.Add(containingType, names);
                }

                names.Add(entry.Substring(lastDot + 1));
            }
        }

        return new ApiList(wholeTypes, members);
    }

    /// <summary>
    /// True when <paramref name="member"/> is listed, looking at its containing type and at
    /// <paramref name="receiverType"/> and its base types (so listing a derived type covers inherited members).
    /// </summary>
    public bool Contains(ISymbol member, ITypeSymbol? receiverType)
    {
        if (IsEmpty)
        {
            return false;
        }

        if (Matches(member.ContainingType, member.Name))
        {
            return true;
        }

        for (var current = receiverType; current is not null; current = current.BaseType)
        {
            if (current is INamedTypeSymbol named && Matches(named, member.Name))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(INamedTypeSymbol? type, string memberName)
    {
        if (type is null)
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        return _wholeTypes.Contains(definition)
            || (_members.TryGetValue(definition, out var names) && names.Contains(memberName));
    }
}
