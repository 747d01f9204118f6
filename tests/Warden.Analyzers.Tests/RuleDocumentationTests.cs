using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Warden.Analyzers.Blocking;

namespace Warden.Analyzers.Tests;

/// <summary>
/// Every rule the analyzer assembly exports has a docs page, an index entry and the right help link, and its page
/// shows the descriptor's category and severity and the standard sections.
/// </summary>
public sealed class RuleDocumentationTests
{
    private static readonly string s_rulesFolder = Path.Combine(RepositoryRoot.Path, "docs", "rules");

    // The sections of a rule page, in order: why (with the playbook incident), flagged and compliant code, the fix,
    // the options and the known limits. A heading may go on after the name ("Not flagged: provably complete tasks").
    private static readonly string[] s_sections = ["Why", "Flagged", "Not flagged", "Fix", "Options", "Known limits"];

    public static TheoryData<string> ExportedRuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in ExportedDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void The_analyzer_assembly_exports_rules()
    {
        Assert.Contains(ExportedDescriptors(), d => d.Id == DiagnosticIds.ThreadSleep);
    }

    [Theory]
    [MemberData(nameof(ExportedRuleIds))]
    public void Every_exported_rule_has_a_page_and_a_matching_help_link(string id)
    {
        var descriptor = ExportedDescriptors().First(d => d.Id == id);
        Assert.True(File.Exists(Path.Combine(s_rulesFolder, id + ".md")), $"docs/rules/{id}.md is missing.");
        Assert.Equal($"https://github.com/warden-dotnet/warden/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.StartsWith("Warden.", descriptor.Category, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ExportedRuleIds))]
    public void Every_page_shows_the_category_and_default_severity_of_its_descriptor(string id)
    {
        var descriptor = ExportedDescriptors().First(d => d.Id == id);
        var page = ReadPage(id);
        Assert.Equal(descriptor.Category, HeaderValue(page, "Category"));
        Assert.Equal(descriptor.DefaultSeverity.ToString(), HeaderValue(page, "Default severity"));
    }

    [Theory]
    [MemberData(nameof(ExportedRuleIds))]
    public void Every_page_has_why_flagged_compliant_fix_options_and_limits(string id)
    {
        var sections = Sections(ReadPage(id));
        Assert.Equal(s_sections, sections.Select(s => Array.Find(s_sections, name => s.Heading.StartsWith(name, StringComparison.Ordinal)) ?? s.Heading));
        string Body(string name) => sections.First(s => s.Heading.StartsWith(name, StringComparison.Ordinal)).Body;

        Assert.Contains("playbook", Body("Why"), StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"chapter \d", Body("Why"));
        Assert.Contains("```csharp", Body("Flagged"), StringComparison.Ordinal);
        Assert.True(
            Body("Not flagged").Contains("```csharp", StringComparison.Ordinal) || Body("Fix").Contains("```csharp", StringComparison.Ordinal),
            $"docs/rules/{id}.md shows no compliant code block under 'Not flagged' or 'Fix'.");
    }

    [Theory]
    [MemberData(nameof(ExportedRuleIds))]
    public void Every_exported_rule_is_listed_in_the_index(string id)
    {
        var index = File.ReadAllText(Path.Combine(s_rulesFolder, "README.md"));
        Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_catalog_id_is_listed_in_the_index()
    {
        var index = File.ReadAllText(Path.Combine(s_rulesFolder, "README.md"));
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Equal(16, ids.Count);
        Assert.All(ids, id => Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal));
    }

    private static string ReadPage(string id) => File.ReadAllText(Path.Combine(s_rulesFolder, id + ".md"));

    // The first word of a header-table cell: `| Category | Warden.Blocking (playbook chapter 2, ...) |` gives Warden.Blocking.
    private static string? HeaderValue(string page, string name)
    {
        var prefix = "| " + name + " | ";
        var line = page.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line?[prefix.Length..].Split(' ', '|')[0].TrimEnd(',', ':');
    }

    private static List<(string Heading, string Body)> Sections(string page)
    {
        var sections = new List<(string Heading, string Body)>();
        foreach (var part in page.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n## ").Skip(1))
        {
            var newline = part.IndexOf('\n', StringComparison.Ordinal);
            sections.Add(newline < 0 ? (part.Trim(), string.Empty) : (part[..newline].Trim(), part[newline..]));
        }

        return sections;
    }

    private static IEnumerable<DiagnosticDescriptor> ExportedDescriptors() =>
        typeof(ThreadSleepAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics);
}
