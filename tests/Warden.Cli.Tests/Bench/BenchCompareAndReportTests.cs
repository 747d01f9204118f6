using System.Text.RegularExpressions;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Bench;

[Collection(BenchSequential.Name)]
public sealed class BenchCompareAndReportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-bench-cmp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_real_throughput_regression_fails_the_gate()
    {
        var baseline = await SyntheticResults.WriteAsync(_folder, "base.json", [1000, 1010, 990, 1005, 995], [100, 101, 99, 100, 100]);
        var candidate = await SyntheticResults.WriteAsync(_folder, "new.json", [800, 805, 795, 810, 790], [100, 99, 101, 100, 100]);

        var (exitCode, output, _) = await CliRun.InvokeAsync(["bench", "compare", baseline, candidate, "--fail-on-regression", "5%"]);

        Assert.Equal(ExitCodes.Findings, exitCode);
        Assert.Contains("Regression: 100 users, A: throughput x0.80", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Noise_does_not_fail_the_gate()
    {
        // New is 3% lower on average but the runs overlap: not a regression beyond a 5% threshold.
        var baseline = await SyntheticResults.WriteAsync(_folder, "base.json", [1000, 1060, 940, 1030, 970], [100, 108, 93, 104, 96]);
        var candidate = await SyntheticResults.WriteAsync(_folder, "new.json", [970, 1030, 910, 1000, 940], [103, 110, 96, 106, 99]);

        var (exitCode, output, _) = await CliRun.InvokeAsync(["bench", "compare", baseline, candidate, "--fail-on-regression", "5%"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("No regression beyond noise.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_gate_a_regression_is_reported_but_exits_0()
    {
        var baseline = await SyntheticResults.WriteAsync(_folder, "base.json", [1000, 1010, 990], [100, 101, 99]);
        var candidate = await SyntheticResults.WriteAsync(_folder, "new.json", [1000, 1010, 990], [150, 152, 149]);

        var (exitCode, output, _) = await CliRun.InvokeAsync(["bench", "compare", baseline, candidate]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("Regression: 100 users, A: p99 x1.50", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task A_saturated_generator_gives_no_verdict_and_the_gate_cannot_pass(bool baseSaturated, bool newSaturated)
    {
        // The figures look like a 20% throughput loss, but one run measured its own generator, not the target.
        var baseline = await SyntheticResults.WriteAsync(_folder, "base.json", [1000, 1010, 990, 1005, 995], [100, 101, 99, 100, 100], baseSaturated);
        var candidate = await SyntheticResults.WriteAsync(_folder, "new.json", [800, 805, 795, 810, 790], [100, 99, 101, 100, 100], newSaturated);

        var (exitCode, output, error) = await CliRun.InvokeAsync(["bench", "compare", baseline, candidate, "--fail-on-regression", "5%"]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.DoesNotContain("Regression:", output, StringComparison.Ordinal);
        Assert.Contains($"No verdict: 100 users, A: {(newSaturated ? candidate : baseline)}: {SyntheticResults.SaturationReason}", Unwrapped(output), StringComparison.Ordinal);
        Assert.StartsWith("warden: cannot decide: the generator was the bottleneck in 1 of 1 comparison(s)", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Without_the_gate_a_saturated_run_is_reported_without_a_verdict_and_exits_0()
    {
        var baseline = await SyntheticResults.WriteAsync(_folder, "base.json", [1000, 1010, 990], [100, 101, 99]);
        var candidate = await SyntheticResults.WriteAsync(_folder, "new.json", [800, 805, 795], [150, 152, 149], generatorSaturated: true);

        var (exitCode, output, _) = await CliRun.InvokeAsync(["bench", "compare", baseline, candidate]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain("Regression:", output, StringComparison.Ordinal);
        Assert.Contains("No verdict: 100 users, A:", output, StringComparison.Ordinal);
        Assert.Contains("No regression beyond noise where a verdict was possible.", Unwrapped(output), StringComparison.Ordinal);
    }

    // Redirected output is wrapped at 80 columns; compare sentences, not line breaks.
    private static string Unwrapped(string output) => Regex.Replace(output, @"\s+", " ");

    [Fact]
    public async Task Report_writes_one_self_contained_page_with_both_charts()
    {
        var result = await SyntheticResults.WriteAsync(_folder, "r.json", [1000, 1010, 990], [100, 101, 99]);
        var html = Path.Combine(_folder, "r.html");

        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "report", result, "--html", html]);

        Assert.True(exitCode == ExitCodes.Success, error);
        var page = await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("Throughput versus load", page, StringComparison.Ordinal);
        Assert.Contains("Latency versus load", page, StringComparison.Ordinal);
        Assert.Equal(2, page.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http://cdn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
    }
}
