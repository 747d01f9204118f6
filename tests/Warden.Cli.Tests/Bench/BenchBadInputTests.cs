using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Warden.Cli.Infrastructure;

namespace Warden.Cli.Tests.Bench;

[Collection(BenchSequential.Name)]
public sealed class BenchBadInputTests : IDisposable
{
    private static readonly string[] RampDuration = ["--over", "1s"];

    private readonly string _folder = Directory.CreateTempSubdirectory("warden-bench-bad-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_unreachable_url_is_bad_input()
    {
        var port = FreePort();

        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", $"http://127.0.0.1:{port}/x", "--duration", "1s"]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains($"cannot reach http://127.0.0.1:{port}/x", error, StringComparison.Ordinal);
        Assert.Contains("Start the service", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_host_needs_allow_remote()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", "http://example.com/", "--duration", "1s"]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("example.com is not a loopback address", error, StringComparison.Ordinal);
        Assert.Contains("--allow-remote", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rate_the_generator_cannot_schedule_is_bad_input()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", "http://127.0.0.1:1/x", "--rate", "5000000/s"]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("beyond what this generator can schedule", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "ten", "is not a duration")]
    [InlineData("--concurrency", "0", "from 1 to 100000")]
    [InlineData("--rate", "fast", "is not a rate")]
    [InlineData("--ramp", "10-100", "is not a range")]
    [InlineData("--threshold", "150%", "between 0% and 100%")]
    public async Task Malformed_option_values_say_how_to_write_them(string option, string value, string expected)
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", "http://127.0.0.1:1/x", option, value, .. option == "--ramp" ? RampDuration : []]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_body_file_is_bad_input()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", "http://127.0.0.1:1/x", "--body-file", Path.Combine(_folder, "none.json")]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("does not exist; give the path of the file holding the request body", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_result_file_is_bad_input()
    {
        var path = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(path, "{ not json", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "report", path, "--html", Path.Combine(_folder, "r.html")]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("is not a warden bench result", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "r.html")));
    }

    [Fact]
    public async Task A_missing_result_file_is_bad_input()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "compare", Path.Combine(_folder, "a.json"), Path.Combine(_folder, "b.json")]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("default")]
    public async Task An_out_file_in_a_missing_folder_is_refused_before_any_run(string command)
    {
        var outPath = Path.Combine(_folder, "no-such-folder", "r.json");
        string[] args = command == "http"
            ? ["bench", "http", "http://127.0.0.1:1/x", "--out", outPath]
            : ["bench", "--concurrency", "1", "--duration", "100ms", "--warmup", "0s", "--repeat", "1", "--out", outPath];

        var (exitCode, output, error) = await CliRun.InvokeAsync(args);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal($"warden: the folder of --out '{outPath}' does not exist; create it or write the result elsewhere.", error.Trim());
        Assert.Empty(output); // refused at bind time: no host started, no load sent
    }

    [Fact]
    public async Task An_out_path_that_is_a_folder_is_refused()
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", "http://127.0.0.1:1/x", "--out", _folder]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains($"--out '{_folder}' is a folder; give a file name inside it", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--method", "GE T" }, "--method 'GE T' is not an HTTP method; write a method name such as GET")]
    [InlineData(new[] { "--body", "{}", "--content-type", "json" }, "--content-type 'json' is not a media type; write it like application/json")]
    [InlineData(new[] { "-H", "Bad Name: x" }, "--header 'Bad Name: x': 'Bad Name' is not a header name")]
    [InlineData(new[] { "-H", "X-Trace: a\nb" }, "--header 'X-Trace: a\\nb': the value is not valid for X-Trace")]
    [InlineData(new[] { "-H", "Content-Type: text/plain" }, "--header 'Content-Type: text/plain': Content-Type describes the body, which warden sets itself; use --content-type")]
    [InlineData(new[] { "-H", "no colon" }, "--header 'no colon' is not 'Name: value'")]
    public async Task Invalid_request_parts_are_refused_before_any_request(string[] request, string expected)
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", "http://127.0.0.1:1/x", .. request]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith($"warden: {expected}", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "--over", "1m" }, "--over only shape a ramp; add --ramp FROM..TO")]
    [InlineData(new[] { "--steps", "4", "--slo", "200ms" }, "--steps, --slo only shape a ramp; add --ramp FROM..TO")]
    [InlineData(new[] { "--ramp", "1..10", "--over", "1s", "--duration", "5s" }, "--ramp times each step from --over (20% warm-up, 80% measured, one repetition per step), so --duration would be ignored")]
    [InlineData(new[] { "--ramp", "1..10", "--over", "1s", "--warmup", "1s", "--repeat", "3" }, "so --warmup and --repeat would be ignored; drop them")]
    public async Task Options_the_load_model_would_ignore_are_refused(string[] options, string expected)
    {
        var (exitCode, _, error) = await CliRun.InvokeAsync(["bench", "http", "http://127.0.0.1:1/x", .. options]);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null-histogram", "levels[0].runs[0].repetitions[0].histogram is missing")]
    [InlineData("no-repetitions", "levels[0].runs[0].repetitions is missing or empty")]
    [InlineData("no-runs", "levels[0].runs is missing or empty")]
    public async Task A_result_file_with_missing_data_is_bad_input_for_compare_and_report(string damage, string expected)
    {
        var good = await SyntheticResults.WriteAsync(_folder, "good.json", [1000, 1010, 990], [100, 101, 99]);
        var bad = await SyntheticResults.WriteAsync(_folder, "bad.json", [1000, 1010, 990], [100, 101, 99]);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(bad, TestContext.Current.CancellationToken))!;
        var level = document["levels"]![0]!;
        switch (damage)
        {
            case "null-histogram":
                level["runs"]![0]!["repetitions"]![0]!["histogram"] = null;
                break;
            case "no-repetitions":
                level["runs"]![0]!["repetitions"] = new JsonArray();
                break;
            default:
                level.AsObject().Remove("runs");
                break;
        }

        await File.WriteAllTextAsync(bad, document.ToJsonString(), TestContext.Current.CancellationToken);
        var html = Path.Combine(_folder, "r.html");

        var compare = await CliRun.InvokeAsync(["bench", "compare", good, bad, "--fail-on-regression", "5%"]);
        var report = await CliRun.InvokeAsync(["bench", "report", bad, "--html", html]);

        Assert.All(new[] { compare, report }, r =>
        {
            Assert.Equal(ExitCodes.BadInput, r.ExitCode);
            Assert.StartsWith($"warden: {bad} is not a complete warden bench result: {expected}", r.Error, StringComparison.Ordinal);
            Assert.Single(r.Error.Trim().Split('\n'));
        });
        Assert.False(File.Exists(html));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
