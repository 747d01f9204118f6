using Warden.Bench.Results;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Bench;

[Collection(BenchSequential.Name)]
public sealed class BenchDefaultTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-bench-default-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Bench_with_no_subcommand_compares_Storefront_sync_and_async()
    {
        var outPath = Path.Combine(_folder, "default.json");

        var (exitCode, output, error) = await CliRun.InvokeAsync(["bench", "--concurrency", "2,4", "--duration", "800ms", "--warmup", "400ms", "--repeat", "2", "--latency-ms", "2", "--out", outPath]);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("Storefront hosted in this process", output, StringComparison.Ordinal);
        Assert.Contains("pre-grown to", output, StringComparison.Ordinal);
        Assert.Contains("At 2 users:", output, StringComparison.Ordinal);
        Assert.Contains("At 4 users:", output, StringComparison.Ordinal);
        var result = await BenchResultFile.ReadAsync(outPath, TestContext.Current.CancellationToken);
        Assert.Equal(["sync", "async"], result.Targets.Select(t => t.Name));
        Assert.EndsWith("/sync/products/1", result.Targets[0].Description, StringComparison.Ordinal);
        Assert.EndsWith("/async/products/1", result.Targets[1].Description, StringComparison.Ordinal);
        Assert.All(result.Levels.SelectMany(l => l.Runs), run => Assert.Equal(2, run.Repetitions.Count));

        // A cold in-process sync endpoint may answer nothing in one short window; over the run both answer.
        Assert.All(result.Levels.SelectMany(l => l.Runs), run => Assert.True(run.Repetitions.Sum(r => r.Requests) > 0, $"{run.Label} answered nothing"));
    }

    [Fact]
    public async Task Bench_help_lists_the_subcommands_and_examples()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync(["bench", "--help"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("http", output, StringComparison.Ordinal);
        Assert.Contains("compare", output, StringComparison.Ordinal);
        Assert.Contains("report", output, StringComparison.Ordinal);
        Assert.Contains("--fail-on-regression 5%", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("compare")]
    [InlineData("report")]
    public async Task Each_subcommand_help_shows_its_own_examples(string subcommand)
    {
        var (exitCode, output, error) = await CliRun.InvokeAsync(["bench", subcommand, "--help"]);

        Assert.True(exitCode == ExitCodes.Success, error);
        var examples = output.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(examples >= 0, $"'bench {subcommand} --help' has no Examples section:\n{output}");
        Assert.Contains($"  warden bench {subcommand} ", output[examples..], StringComparison.Ordinal);
    }
}
