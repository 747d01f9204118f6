using Microsoft.CodeAnalysis;

namespace Warden.Analyzers.Common;

/// <summary>Creates rule descriptors with the help link and tags every Warden rule shares.</summary>
internal static class RuleDescriptors
{
    /// <summary>A descriptor for <paramref name="id"/>, enabled by default, linking to its docs page.</summary>
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity defaultSeverity,
        string description) =>
        new(
            id,
            title,
            messageFormat,
            category,
            defaultSeverity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: RuleHelpLinks.For(id));
}
