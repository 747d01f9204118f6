using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>
/// The test-method attributes of xunit (v2 and v3), NUnit, MSTest and TUnit, resolved by metadata name once
/// per compilation. Attributes derived from them (custom <c>[Fact]</c> subclasses, <c>[DataTestMethod]</c>) count too.
/// </summary>
internal sealed class TestFrameworks
{
    private static readonly string[] TestAttributeNames =
    {
        "Xunit.FactAttribute",
        "Xunit.TheoryAttribute",
        "NUnit.Framework.TestAttribute",
        "NUnit.Framework.TestCaseAttribute",
        "NUnit.Framework.TestCaseSourceAttribute",
        "NUnit.Framework.TheoryAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        "TUnit.Core.TestAttribute",
    };

    private readonly ImmutableArray<INamedTypeSymbol> _testAttributes;

    private TestFrameworks(ImmutableArray<INamedTypeSymbol> testAttributes) => _testAttributes = testAttributes;

    /// <summary>True when the compilation references at least one known test framework.</summary>
    public bool Any => !_testAttributes.IsEmpty;

    /// <summary>Resolves the attributes the compilation can see.</summary>
    public static TestFrameworks Create(Compilation compilation)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in TestAttributeNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } attribute)
            {
                builder.Add(attribute);
            }
        }

        return new TestFrameworks(builder.ToImmutable());
    }

    /// <summary>True when <paramref name="method"/> carries a test attribute of a known framework.</summary>
    public bool IsTestMethod(IMethodSymbol method)
    {
        if (_testAttributes.IsEmpty)
        {
            return false;
        }

        foreach (var attribute in method.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                foreach (var known in _testAttributes)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, known))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
