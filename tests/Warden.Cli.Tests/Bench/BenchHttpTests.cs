using System.Text.Json;
using Warden.Bench;
using Warden.Bench.Results;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Bench;

[Collection(BenchSequential.Name)]
public sealed class BenchHttpTests(LoopbackServer server) : IClassFixture<LoopbackServer>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("warden-bench-").FullName;

    private static readonly string[] Short = ["--duration", "300ms", "--warmup", "100ms", "--timeout", "5s"];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Url(string path) => new Uri(server.Address, path).ToString();

    [Fact]
    public async Task Compares_two_endpoints_interleaved_and_writes_the_result()
    {
        var outPath = Path.Combine(_folder, "ab.json");

        var (exitCode, output, error) = await CliRun.InvokeAsync(["bench", "http", Url("slow"), "--vs", Url("fast"), "--concurrency", "2", "--repeat", "2", "--out", outPath, .. Short]);

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("Closed model", output, StringComparison.Ordinal);
        Assert.Contains("At 2 users:", output, StringComparison.Ordinal);
        Assert.Matches("B \\(fast\\) (gains|loses) \\d+% throughput and (gains|loses) \\d+% p99", output);
        var result = await BenchResultFile.ReadAsync(outPath, TestContext.Current.CancellationToken);
        var level = Assert.Single(result.Levels);
        Assert.Equal(2, level.Runs.Count);
        Assert.All(level.Runs, run => Assert.Equal(2, run.Repetitions.Count));
        Assert.All(level.Runs.SelectMany(r => r.Repetitions), rep => Assert.True(rep.Requests > 0));
        Assert.True(level.Runs[0].Latency.P50 >= 20, "the /slow endpoint waits 20 ms, so A's median cannot be below it");
        Assert.NotNull(level.Comparison);
        Assert.Equal([1, 4], level.Runs[0].Repetitions.Select(r => r.Order));
    }

    [Fact]
    public async Task Http_errors_are_counted_by_status_not_as_latency()
    {
        var outPath = Path.Combine(_folder, "fail.json");

        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", Url("fail"), "--concurrency", "1", "--repeat", "1", "--out", outPath, .. Short]);

        Assert.True(exitCode == ExitCodes.Success, error);
        var run = (await BenchResultFile.ReadAsync(outPath, TestContext.Current.CancellationToken)).Levels.Single().Runs.Single();
        Assert.True(run.Errors["http-503"] > 0);
        Assert.Equal(0, run.Latency.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Method_headers_and_body_reach_the_server(bool fromFile)
    {
        var outPath = Path.Combine(_folder, $"echo-{fromFile}.json");
        var bodyFile = Path.Combine(_folder, "body.txt");
        await File.WriteAllTextAsync(bodyFile, "hello", TestContext.Current.CancellationToken);
        string[] body = fromFile ? ["--body-file", bodyFile] : ["--body", "hello"];

        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", Url("echo"), "--method", "PUT", "--header", "X-Bench: yes", "--content-type", "text/plain", .. body, "--concurrency", "1", "--repeat", "1", "--out", outPath, .. Short]);

        Assert.True(exitCode == ExitCodes.Success, error);
        var run = (await BenchResultFile.ReadAsync(outPath, TestContext.Current.CancellationToken)).Levels.Single().Runs.Single();
        Assert.Empty(run.Errors);
        Assert.True(run.Repetitions.Single().Requests > 0);
    }

    [Fact]
    public async Task Open_model_at_a_modest_rate_sends_on_schedule_or_says_it_could_not()
    {
        var outPath = Path.Combine(_folder, "open.json");

        var (exitCode, output, error) = await CliRun.InvokeAsync(["bench", "http", Url("fast"), "--rate", "20/s", "--repeat", "1", "--out", outPath, "--duration", "1s", "--warmup", "0s"]);

        // On a machine so loaded that even 20 sends a second leave late, the honest answer is exit 2 with the reason.
        if (exitCode == ExitCodes.BadInput)
        {
            Assert.Contains("could not generate the requested rate", error, StringComparison.Ordinal);
            Assert.Matches("late|dropped|sent only", error);
            return;
        }

        Assert.True(exitCode == ExitCodes.Success, error);
        Assert.Contains("Open model", output, StringComparison.Ordinal);
        var result = await BenchResultFile.ReadAsync(outPath, TestContext.Current.CancellationToken);
        var repetition = result.Levels.Single().Runs.Single().Repetitions.Single();
        Assert.Equal(LoadModelKind.Open, result.Model);
        Assert.InRange(repetition.Requests + repetition.Errors.Values.Sum(), 19, 20);
        Assert.Equal(1.0, repetition.Generator.SendRatio);
    }

    [Fact]
    public async Task Ramp_reports_a_knee_per_target()
    {
        var outPath = Path.Combine(_folder, "ramp.json");

        var (exitCode, output, error) = await CliRun.InvokeAsync(["bench", "http", Url("slow"), "--ramp", "1..4", "--over", "900ms", "--steps", "3", "--slo", "10s", "--out", outPath]);

        Assert.True(exitCode == ExitCodes.Success, error);
        var result = await BenchResultFile.ReadAsync(outPath, TestContext.Current.CancellationToken);
        Assert.Equal([1.0, 2.0, 4.0], result.Levels.Select(l => l.Load));
        Assert.Single(result.Knees);
        Assert.Contains("A (slow):", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirected_output_has_no_live_view_or_escape_codes()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync(["bench", "http", Url("fast"), "--concurrency", "1", "--repeat", "1", .. Short], isTerminal: false);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain("req/s  p99", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_terminal_gets_the_live_view()
    {
        var (exitCode, output, _) = await CliRun.InvokeAsync(["bench", "http", Url("slow"), "--concurrency", "1", "--repeat", "1", "--duration", "1200ms", "--warmup", "0s"], isTerminal: true);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("req/s  p99", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Result_files_are_valid_json_with_the_schema_id()
    {
        var outPath = Path.Combine(_folder, "schema.json");
        await CliRun.InvokeAsync(["bench", "http", Url("fast"), "--concurrency", "1", "--repeat", "1", "--out", outPath, .. Short]);

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(outPath, TestContext.Current.CancellationToken));

        Assert.Equal("warden-bench/1", document.RootElement.GetProperty("schema").GetString());
        Assert.StartsWith("warden bench http", document.RootElement.GetProperty("commandLine").GetString(), StringComparison.Ordinal);
    }
}
