using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>
/// The test-method attributes of xunit (v2 and v3), NUnit, MSTest and TUnit, resolved by metadata name once
/// per compilation. Attributes derived from them (custom <c>[Fact]</c> subclasses, <c>[DataTestMethod]</c>) count too.
/// </summary>
internal sealed class TestFrameworks
{
    private static readonly (string Name, TestFramework Framework)[] TestAttributes =
    {
        ("Xunit.FactAttribute", TestFramework.XunitV2),
        ("Xunit.TheoryAttribute", TestFramework.XunitV2),
        ("NUnit.Framework.TestAttribute", TestFramework.NUnit),
        ("NUnit.Framework.TestCaseAttribute", TestFramework.NUnit),
        ("NUnit.Framework.TestCaseSourceAttribute", TestFramework.NUnit),
        ("NUnit.Framework.TheoryAttribute", TestFramework.NUnit),
        ("Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute", TestFramework.MSTest),
        ("TUnit.Core.TestAttribute", TestFramework.TUnit),
    };

    private readonly ImmutableArray<(INamedTypeSymbol Attribute, TestFramework Framework)> _testAttributes;

    private TestFrameworks(ImmutableArray<(INamedTypeSymbol Attribute, TestFramework Framework)> testAttributes) => _testAttributes = testAttributes;

    /// <summary>True when the compilation references at least one known test framework.</summary>
    public bool Any => !_testAttributes.IsEmpty;

    /// <summary>Resolves the attributes the compilation can see.</summary>
    public static TestFrameworks Create(Compilation compilation)
    {
        // Both xunit versions keep [Fact] in the Xunit namespace; only v3 has Xunit.TestContext.
        var xunit = compilation.GetTypeByMetadataName("Xunit.TestContext") is null ? TestFramework.XunitV2 : TestFramework.XunitV3;
        var builder = ImmutableArray.CreateBuilder<(INamedTypeSymbol, TestFramework)>();
        foreach (var (name, framework) in TestAttributes)
        {
            if (compilation.GetTypeByMetadataName(name) is { } attribute)
            {
                builder.Add((attribute, framework == TestFramework.XunitV2 ? xunit : framework));
            }
        }

        return new TestFrameworks(builder.ToImmutable());
    }

    /// <summary>True when <paramref name="method"/> carries a test attribute of a known framework.</summary>
    public bool IsTestMethod(IMethodSymbol method) => FrameworkOf(method) is not null;

    /// <summary>The framework whose test attribute <paramref name="method"/> carries, or null when it is not a test.</summary>
    public TestFramework? FrameworkOf(IMethodSymbol method)
    {
        if (_testAttributes.IsEmpty)
        {
            return null;
        }

        foreach (var attribute in method.GetAttributes())
        {
            for (var type = attribute.AttributeClass; type is not null; type = type.BaseType)
            {
                foreach (var (known, framework) in _testAttributes)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, known))
                    {
                        return framework;
                    }
                }
            }
        }

        return null;
    }
}
