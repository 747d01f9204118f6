using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Warden.Cli.Audit.Configuration;

/// <summary>
/// The <c>.editorconfig</c> files that govern an audit, parsed once with Roslyn's own parser, so
/// section matching, <c>root = true</c> and precedence behave as in the compiler.
/// </summary>
internal sealed class EditorConfigSet
{
    private readonly AnalyzerConfigSet _set;

    private EditorConfigSet(AnalyzerConfigSet set)
    {
        _set = set;
    }

    /// <summary>
    /// Parses the given files plus every <c>.editorconfig</c> in the ancestors of <paramref name="roots"/>
    /// up to the first with <c>root = true</c>. Unreadable files are skipped.
    /// </summary>
    public static EditorConfigSet Load(IEnumerable<string> files, IEnumerable<string> roots)
    {
        var paths = new HashSet<string>(files, StringComparer.Ordinal);
        foreach (var root in roots)
        {
            for (var current = new DirectoryInfo(root); current is not null; current = current.Parent)
            {
                var candidate = Path.Combine(current.FullName, ".editorconfig");
                if (!File.Exists(candidate))
                {
                    continue;
                }

                paths.Add(candidate);
                if (IsRoot(candidate))
                {
                    break;
                }
            }
        }

        var configs = new List<AnalyzerConfig>();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            try
            {
                configs.Add(AnalyzerConfig.Parse(SourceText.From(File.ReadAllText(path)), path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // an unreadable .editorconfig contributes nothing
            }
        }

        return new EditorConfigSet(AnalyzerConfigSet.Create(configs));
    }

    /// <summary>The options and severities for every tree of a compilation, as the compiler would compute them.</summary>
    public (AnalyzerConfigOptionsProvider Options, SyntaxTreeOptionsProvider Severities) For(
        IEnumerable<SyntaxTree> trees,
        IReadOnlySet<SyntaxTree> generatedTrees)
    {
        var options = new Dictionary<SyntaxTree, AnalyzerConfigOptions>();
        var severities = new Dictionary<SyntaxTree, ImmutableDictionary<string, ReportDiagnostic>>();
        foreach (var tree in trees)
        {
            var result = _set.GetOptionsForSourcePath(tree.FilePath);
            options[tree] = new DictionaryAnalyzerConfigOptions(result.AnalyzerOptions);
            severities[tree] = result.TreeOptions;
        }

        var global = _set.GlobalConfigOptions;
        return (
            new EditorConfigOptionsProvider(options, new DictionaryAnalyzerConfigOptions(global.AnalyzerOptions)),
            new EditorConfigSeverities(severities, global.TreeOptions, generatedTrees));
    }

    private static bool IsRoot(string path)
    {
        try
        {
            return File.ReadLines(path)
                .TakeWhile(line => !line.TrimStart().StartsWith('['))
                .Any(line => line.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("root=true", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
