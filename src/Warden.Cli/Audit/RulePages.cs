using System.Text.RegularExpressions;

namespace Warden.Cli.Audit;

/// <summary>
/// The rule pages (<c>docs/rules/WDnnn.md</c>) embedded in warden at build time; audit quotes the first
/// paragraph of each page's "Fix" section next to the findings.
/// </summary>
internal static partial class RulePages
{
    private const string Prefix = "RuleDocs.";
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Fixes = new(Load);

    /// <summary>The fix for <paramref name="ruleId"/> from its page, or null when the page has no Fix section.</summary>
    public static string? FixFor(string ruleId) => Fixes.Value.TryGetValue(ruleId, out var fix) ? fix : null;

    /// <summary>The first paragraph under a "## Fix" heading of a markdown page, on one line; null when absent.</summary>
    public static string? FixSection(string markdown)
    {
        var match = FixHeading().Match(markdown);
        if (!match.Success)
        {
            return null;
        }

        // The first prose paragraph of the section: code blocks and tables are skipped.
        var paragraph = new List<string>();
        var inCode = false;
        foreach (var raw in markdown[(match.Index + match.Length)..].Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (inCode || line.StartsWith('|'))
            {
                continue;
            }

            if (line.StartsWith('#') || (line.Length == 0 && paragraph.Count > 0))
            {
                break;
            }

            if (line.Length > 0)
            {
                paragraph.Add(line);
            }
        }

        return paragraph.Count == 0 ? null : string.Join(' ', paragraph);
    }

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(RulePages).Assembly;
        var fixes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            if (FixSection(reader.ReadToEnd()) is { } fix)
            {
                fixes[Path.GetFileNameWithoutExtension(name[Prefix.Length..])] = fix;
            }
        }

        return fixes;
    }

    [GeneratedRegex(@"^##\s+(How to )?fix\b[^\n]*\n", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FixHeading();
}
