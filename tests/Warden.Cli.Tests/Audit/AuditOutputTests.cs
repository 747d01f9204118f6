using System.Text.Json;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Audit;

/// <summary>The json, sarif and html formats, and --output.</summary>
public sealed class AuditOutputTests
{
    [Fact]
    public async Task Sarif_has_the_required_fields_of_2_1_0_and_the_contract_fields()
    {
        using var fixture = FixtureCopy.Of("Basic");

        var (exitCode, output, _) = await CliRun.InvokeAsync(["audit", fixture.Root, "--format", "sarif"]);

        Assert.Equal(ExitCodes.Findings, exitCode);
        using var sarif = JsonDocument.Parse(output);
        var root = sarif.RootElement;

        // sarifLog: required version (const "2.1.0") and runs.
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var runs = root.GetProperty("runs");
        Assert.Equal(1, runs.GetArrayLength());
        var run = runs[0];

        // run requires tool; tool requires driver; toolComponent requires name; reportingDescriptor requires id.
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("warden", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.Matches("^WD[0-9]{3}$", rule.GetProperty("id").GetString()!);
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.InRange(rule.GetProperty("properties").GetProperty("playbookChapter").GetInt32(), 1, 8);
        });
        var wd202 = rules.Single(r => r.GetProperty("id").GetString() == "WD202");
        Assert.Equal(2, wd202.GetProperty("properties").GetProperty("playbookChapter").GetInt32());
        Assert.Equal("Thread.Sleep in async code", wd202.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.EndsWith("docs/rules/WD202.md", wd202.GetProperty("helpUri").GetString(), StringComparison.Ordinal);

        // invocation requires executionSuccessful; result requires message (with text); region lines start at 1.
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, result =>
        {
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var ruleIndex = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[ruleIndex].GetProperty("id").GetString());
            Assert.Matches("^(error|warning|note)$", result.GetProperty("level").GetString()!);
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            Assert.False(Path.IsPathRooted(uri), uri); // relative to PATH, per the contract
            Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
        });
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "WD202"
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString() == "Orders/OrderService.cs"
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == 10
            && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startColumn").GetInt32() == 9);
    }

    [Fact]
    public async Task Sarif_escapes_paths_as_relative_uris()
    {
        using var folder = FixtureCopy.Empty();
        folder.Write("my folder/a#b.cs", "public static class S { public static async Task RunAsync() { System.Threading.Thread.Sleep(5); await Task.Yield(); } }\n");

        var (_, output, _) = await CliRun.InvokeAsync(["audit", folder.Root, "--format", "sarif"]);

        using var sarif = JsonDocument.Parse(output);
        var uri = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0]
            .GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        Assert.Equal("my%20folder/a%23b.cs", uri);
    }

    [Fact]
    public async Task Json_has_summary_rules_findings_and_async_spread()
    {
        using var fixture = FixtureCopy.Of("Basic");

        var (exitCode, document, _) = await AuditJson.RunAsync(fixture.Root);

        Assert.Equal(ExitCodes.Findings, exitCode);
        var summary = document.GetProperty("summary");
        Assert.Equal(document.GetProperty("findings").GetArrayLength(), summary.GetProperty("findings").GetInt32());
        Assert.True(summary.GetProperty("lines").GetInt32() > 20);
        var spread = summary.GetProperty("asyncSpread");
        Assert.Equal(6, spread.GetProperty("methods").GetInt32()); // LoadAsync, SaveAsync, OnSaved, LoadSync, SendAuditAsync, SumAsync
        Assert.Equal(4, spread.GetProperty("asyncMethods").GetInt32());
        Assert.Equal(1, spread.GetProperty("syncOverAsyncBoundaries").GetInt32());
        var finding = document.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "WD202");
        Assert.Equal(2, finding.GetProperty("chapter").GetInt32());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Html_is_self_contained_escapes_source_and_has_chapter_and_rule_filters()
    {
        using var folder = FixtureCopy.Empty();
        folder.Write("Page.cs", """
            public static class Page
            {
                public static async Task RenderAsync()
                {
                    System.Threading.Thread.Sleep(5); var html = "<script>alert('x')</script>";
                    await Task.Yield();
                }
            }
            """);

        var (exitCode, output, _) = await CliRun.InvokeAsync(["audit", folder.Root, "--format", "html"]);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.StartsWith("<!DOCTYPE html>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", output, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", output, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", output, StringComparison.Ordinal);
        Assert.Contains("<select id=\"chapter\">", output, StringComparison.Ordinal);
        Assert.Contains("<select id=\"rule\">", output, StringComparison.Ordinal);
        Assert.Contains("data-chapter=\"2\" data-rule=\"WD202\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_file_gets_the_report_and_stdout_stays_empty()
    {
        using var fixture = FixtureCopy.Of("Basic");
        var reportFile = fixture.PathOf("audit.sarif");

        var (exitCode, output, error) = await CliRun.InvokeAsync(["audit", fixture.PathOf("Basic.csproj"), "--format", "sarif", "--output", reportFile]);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.Empty(output);
        Assert.Contains("wrote sarif report to", error, StringComparison.Ordinal);
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(reportFile, TestContext.Current.CancellationToken));
        Assert.NotEqual(0, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
        Assert.Empty(Directory.GetFiles(fixture.Root, "*.tmp"));
    }

    [Fact]
    public async Task Output_into_a_missing_folder_is_bad_input()
    {
        using var fixture = FixtureCopy.Of("Basic");

        var (exitCode, _, error) = await CliRun.InvokeAsync(["audit", fixture.Root, "--output", fixture.PathOf("no/such/dir/report.txt")]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("does not exist; create it or pick another path", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_run_exits_130_and_writes_no_report()
    {
        using var fixture = FixtureCopy.Of("Basic");
        var reportFile = fixture.PathOf("report.json");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await WardenCli.RunAsync(
            ["audit", fixture.Root, "--format", "json", "--output", reportFile],
            WardenCommands.All,
            output,
            error,
            isTerminal: false,
            noColor: null,
            cancelled.Token).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Interrupted, exitCode);
        Assert.Contains("cancelled", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(reportFile));
        Assert.Empty(Directory.GetFiles(fixture.Root, "*.tmp"));
    }
}
