using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Warden.Analyzers.Common;

/// <summary>
/// One <c>.editorconfig</c> option holding an <see cref="ApiList"/> (for example <c>warden.WD203.blocking_apis</c>),
/// read per syntax tree and parsed once per distinct value in a compilation.
/// </summary>
internal sealed class ApiListOption
{
    private readonly string _key;
    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly ConcurrentDictionary<string, ApiList> _parsed = new(System.StringComparer.Ordinal);
    private readonly System.Func<string, ApiList> _parse;

    /// <summary>Creates the reader of option <paramref name="key"/> for one compilation.</summary>
    public ApiListOption(string key, Compilation compilation, AnalyzerOptions options)
    {
        _key = key;
        _compilation = compilation;
        _options = options;
        _parse = text => ApiList.Parse(text, _compilation);
    }

    /// <summary>The option's key, as written in .editorconfig.</summary>
    public string Key => _key;

    /// <summary>The list configured for <paramref name="tree"/> (empty when the option is not set).</summary>
    public ApiList For(SyntaxTree tree)
    {
        if (!_options.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(_key, out var value)
            && !_options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(_key, out value))
        {
            return ApiList.Empty;
        }

        return _parsed.GetOrAdd(value, _parse);
    }
}
