using Warden.Cli.Audit;

namespace Warden.Cli.Tests.Audit;

/// <summary>Rules are discovered from Warden.Analyzers, never listed by hand.</summary>
public sealed class AnalyzerCatalogTests
{
    [Theory]
    [InlineData("WD201", 2)]
    [InlineData("WD303", 3)]
    [InlineData("WD802", 8)]
    [InlineData("CA2007", 0)]
    [InlineData("WD1234", 0)]
    public void Chapter_comes_from_the_id_band(string id, int chapter) => Assert.Equal(chapter, AnalyzerCatalog.ChapterOf(id));

    [Fact]
    public void Every_exported_rule_is_discovered_with_its_descriptor_metadata()
    {
        var catalog = AnalyzerCatalog.Load();
        var exported = catalog.Analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .Select(d => d.Id)
            .Where(id => id.StartsWith("WD", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(exported, catalog.Rules.Keys);
        Assert.Contains("WD202", catalog.Rules.Keys);
        Assert.Contains("WD301", catalog.Rules.Keys);
        Assert.All(catalog.Rules.Values, rule =>
        {
            Assert.InRange(rule.Chapter, 1, 8);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title));
            Assert.EndsWith($"docs/rules/{rule.Id}.md", rule.HelpUri, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(rule.Fix));
        });
    }

    [Fact]
    public void Fix_is_the_first_paragraph_of_the_rule_page_fix_section()
    {
        const string page = "# WD999: X\n\n## Why\n\nBecause.\n\n## Fix\n\nAwait the task\ninstead.\n\nMore detail.\n\n## Options\n";

        Assert.Equal("Await the task instead.", RulePages.FixSection(page));
        Assert.Null(RulePages.FixSection("# WD999\n\n## Why\n\nBecause.\n"));
    }

    [Fact]
    public void Fix_of_a_rule_with_a_page_is_taken_from_the_page()
    {
        var fix = RulePages.FixFor("WD301");

        Assert.NotNull(fix);
        Assert.Contains("await", fix, StringComparison.Ordinal);
    }
}
