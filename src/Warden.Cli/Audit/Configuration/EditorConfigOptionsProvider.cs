using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Warden.Cli.Audit.Configuration;

/// <summary>Hands analyzers the <c>.editorconfig</c> options that apply to each syntax tree.</summary>
internal sealed class EditorConfigOptionsProvider(
    IReadOnlyDictionary<SyntaxTree, AnalyzerConfigOptions> treeOptions,
    AnalyzerConfigOptions globalOptions) : AnalyzerConfigOptionsProvider
{
    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => globalOptions;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
        treeOptions.TryGetValue(tree, out var options) ? options : DictionaryAnalyzerConfigOptions.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryAnalyzerConfigOptions.Empty;

    /// <summary>Options from a plain dictionary; used for trees the editorconfig set did not see.</summary>
    public static AnalyzerConfigOptions From(ImmutableDictionary<string, string> options) => new DictionaryAnalyzerConfigOptions(options);
}
