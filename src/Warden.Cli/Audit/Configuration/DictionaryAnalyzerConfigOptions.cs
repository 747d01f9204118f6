using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Warden.Cli.Audit.Configuration;

/// <summary>Analyzer options (<c>key = value</c> pairs from <c>.editorconfig</c>) for one file or for the whole run.</summary>
internal sealed class DictionaryAnalyzerConfigOptions(ImmutableDictionary<string, string> options) : AnalyzerConfigOptions
{
    /// <summary>No options.</summary>
    public static DictionaryAnalyzerConfigOptions Empty { get; } = new(ImmutableDictionary.Create<string, string>(KeyComparer));

    /// <inheritdoc />
    public override IEnumerable<string> Keys => options.Keys;

    /// <inheritdoc />
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => options.TryGetValue(key, out value);
}
