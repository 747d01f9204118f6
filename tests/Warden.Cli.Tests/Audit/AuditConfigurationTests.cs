using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Audit;

/// <summary>--fail-on thresholds and .editorconfig severities.</summary>
public sealed class AuditConfigurationTests
{
    [Theory]
    [InlineData("none", ExitCodes.Success)]
    [InlineData("error", ExitCodes.Success)]
    [InlineData("warning", ExitCodes.Findings)]
    [InlineData("info", ExitCodes.Findings)]
    public async Task Fail_on_sets_the_severity_that_fails_the_run(string failOn, int expected)
    {
        using var fixture = FixtureCopy.Of("SyntaxErrors"); // warnings only (WD202)

        var (exitCode, _, _) = await CliRun.InvokeAsync(["audit", fixture.Root, "--fail-on", failOn]);

        Assert.Equal(expected, exitCode);
    }

    [Fact]
    public async Task Editorconfig_turns_rules_off_and_raises_severities()
    {
        using var fixture = FixtureCopy.Of("Basic");
        fixture.Write(".editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.WD202.severity = none
            dotnet_diagnostic.WD301.severity = error
            """);

        var (exitCode, document, _) = await AuditJson.RunAsync(fixture.Root, "--fail-on", "error");

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.DoesNotContain("WD202", AuditJson.RuleIds(document));
        var wd301 = document.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "WD301");
        Assert.Equal("error", wd301.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Editorconfig_sections_apply_per_folder()
    {
        using var fixture = FixtureCopy.Of("SyntaxErrors");
        fixture.Write(".editorconfig", """
            root = true

            [Fine.cs]
            dotnet_diagnostic.WD202.severity = none
            """);

        var (_, document, _) = await AuditJson.RunAsync(fixture.Root);

        Assert.Equal(["WD202 Broken.cs:7"], AuditJson.Findings(document));
    }

    [Fact]
    public async Task Editorconfig_rule_options_reach_the_analyzers()
    {
        using var folder = FixtureCopy.Empty();
        folder.Write("Button.cs", """
            public sealed class Button
            {
                private async void OnClick(object? sender, EventArgs e) => await Task.Yield();
            }
            """);

        var (defaultExit, quiet, _) = await AuditJson.RunAsync(folder.Root);
        folder.Write(".editorconfig", "root = true\n\n[*.cs]\nwarden.WD302.allow_event_handlers = false\n");
        var (configuredExit, flagged, _) = await AuditJson.RunAsync(folder.Root);

        Assert.Equal(ExitCodes.Success, defaultExit);
        Assert.Empty(AuditJson.Findings(quiet));
        Assert.Equal(ExitCodes.Findings, configuredExit);
        Assert.Equal(["WD302 Button.cs:3"], AuditJson.Findings(flagged));
    }
}
