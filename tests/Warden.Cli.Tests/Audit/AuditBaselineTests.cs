using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Audit;

/// <summary>--baseline / --write-baseline: CI fails only on new findings.</summary>
public sealed class AuditBaselineTests
{
    [Fact]
    public async Task Baseline_round_trip_accepts_known_findings_and_fails_on_new_ones()
    {
        using var fixture = FixtureCopy.Of("Basic");
        var baseline = fixture.PathOf("audit-baseline.json");

        var (writeExit, _, writeError) = await CliRun.InvokeAsync(["audit", fixture.Root, "--baseline", baseline, "--write-baseline"]);
        Assert.Equal(ExitCodes.Success, writeExit);
        Assert.Contains("wrote baseline", writeError, StringComparison.Ordinal);
        Assert.True(File.Exists(baseline));

        var (knownExit, knownOutput, _) = await CliRun.InvokeAsync(["audit", fixture.Root, "--baseline", baseline]);
        Assert.Equal(ExitCodes.Success, knownExit);
        Assert.Contains("0 findings", knownOutput, StringComparison.Ordinal);
        Assert.Contains("known finding", knownOutput, StringComparison.Ordinal);

        // Known findings that moved down the file stay known; a new one is reported alone.
        var service = fixture.PathOf("Orders/OrderService.cs");
        await File.WriteAllTextAsync(service, "// a new first line\n" + (await File.ReadAllTextAsync(service, TestContext.Current.CancellationToken)).Replace(
            "        await Task.CompletedTask;",
            "        await Task.CompletedTask;\n        Thread.Sleep(5);",
            StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var (newExit, document, _) = await AuditJson.RunAsync(fixture.Root, "--baseline", baseline);
        Assert.Equal(ExitCodes.Findings, newExit);
        Assert.Equal(["WD202 Orders/OrderService.cs:20"], AuditJson.Findings(document));
        Assert.True(document.GetProperty("summary").GetProperty("baselined").GetInt32() > 0);
    }

    [Fact]
    public async Task Missing_baseline_is_bad_input_that_says_how_to_create_it()
    {
        using var fixture = FixtureCopy.Of("Basic");

        var (exitCode, _, error) = await CliRun.InvokeAsync(["audit", fixture.Root, "--baseline", fixture.PathOf("none.json")]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("--write-baseline", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_baseline_is_bad_input()
    {
        using var fixture = FixtureCopy.Of("Basic");
        var baseline = fixture.Write("baseline.json", "{ not json");

        var (exitCode, _, error) = await CliRun.InvokeAsync(["audit", fixture.Root, "--baseline", baseline]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("is not a warden baseline", error, StringComparison.Ordinal);
    }
}
