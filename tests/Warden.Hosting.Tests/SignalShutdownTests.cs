using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Warden.Hosting.Tests;

/// <summary>
/// The Storefront sample as a real child process: requests in flight, a real SIGTERM or SIGINT from
/// <c>kill</c>, and what the process did, read from its responses, its log and its journal file.
/// </summary>
public sealed partial class SignalShutdownTests
{
    private const int BudgetSeconds = 10;
    private const int DrainBudgetSeconds = 15;

    // 1 (stop accepting) + 5 (grace) + 1 (cancel) + 1 (close) + 2 (margin) = 10 s: the whole budget.
    private static readonly string[] ShortBudget =
    [
        "--Shutdown:Budget", "00:00:10",
        "--Shutdown:StopAcceptingTimeout", "00:00:01",
        "--Shutdown:GracePeriod", "00:00:05",
        "--Shutdown:CancelTimeout", "00:00:01",
        "--Shutdown:CloseTimeout", "00:00:01",
        "--Shutdown:Margin", "00:00:02",
    ];

    // A longer grace for the tests whose requests must drain: the grace ends as soon as they finish, so this only
    // matters on a loaded machine. 1 + 10 + 1 + 1 + 2 = 15 s.
    private static readonly string[] DrainBudget = [.. ShortBudget, "--Shutdown:GracePeriod", "00:00:10", "--Shutdown:Budget", "00:00:15"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Signal_drains_accepted_requests_refuses_new_connections_closes_resources_and_exits_with_the_signal_code(string signal, int exitCode)
    {
        var journal = Path.Combine(Path.GetTempPath(), $"warden-journal-{Guid.NewGuid():N}.txt");
        using var server = ChildProcess.StartStorefront([.. DrainBudget, "--journal", journal]);
        var address = await server.AddressAsync();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var slow = await StartAcceptedRequestsAsync(server, client, "slow?ms=3000&n=", count: 4);

        await server.SignalAsync(signal);
        await server.WaitForLineAsync("HTTP listeners unbound");
        var refused = await ConnectAsync(address);
        var exit = await server.WaitForExitAsync();

        Assert.Equal(exitCode, exit);
        server.AssertExitedWithinBudget(TimeSpan.FromSeconds(DrainBudgetSeconds));
        Assert.Equal(SocketError.ConnectionRefused, refused);
        for (var n = 0; n < slow.Length; n++)
        {
            using var response = await Responded(server, slow[n]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("{\"waitedMs\":3000}", await response.Content.ReadAsStringAsync(Ct));
        }

        var report = ReportLine(server);
        Assert.Contains($"reason SIG{signal}, exit code {exitCode}", report, StringComparison.Ordinal);
        Assert.Contains("closed 1 [request journal]", report, StringComparison.Ordinal);
        Assert.Contains("not finished in time 0", report, StringComparison.Ordinal);
        for (var n = 0; n < slow.Length; n++)
        {
            Assert.Contains($"GET /slow?ms=3000&n={n}", report, StringComparison.Ordinal);
        }

        var lines = await File.ReadAllLinesAsync(journal, Ct);
        File.Delete(journal);
        Assert.Equal("closed", lines[^1]);
        Assert.Equal(slow.Length, lines.Count(l => l.StartsWith("GET /slow?ms=3000&n=", StringComparison.Ordinal) && l.EndsWith(" 200", StringComparison.Ordinal)));
        Assert.InRange(ReportedMilliseconds(report), 0, DrainBudgetSeconds * 1000);
        TestContext.Current.TestOutputHelper?.WriteLine($"SIG{signal}: kill -> exit {server.SignalToExit?.TotalMilliseconds:0} ms observed; report: {report}");
    }

    [Fact]
    public async Task With_a_drain_delay_readiness_fails_at_once_while_new_requests_are_still_served()
    {
        // 2 (drain delay) + 1 + 5 + 1 + 1 + 2 = 12 s.
        const int budgetSeconds = 12;
        using var server = ChildProcess.StartStorefront([.. ShortBudget, "--Shutdown:DrainDelay", "00:00:02", "--Shutdown:Budget", $"00:00:{budgetSeconds}"]);
        var address = await server.AddressAsync();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        using (var ready = await client.GetAsync(new Uri("health", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        await server.SignalAsync("TERM");
        await server.WaitForLineAsync("Shutdown step 2/5 (StopAccepting) started.");
        await Eventually.AssertAsync(
            async () =>
            {
                using var health = await client.GetAsync(new Uri("health", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(Ct));
            },
            Bounded.DefaultBound,
            "readiness should report Unhealthy (503) during the drain delay",
            null,
            Ct);

        using var servedDuringDelay = await client.GetAsync(new Uri("slow?ms=10", UriKind.Relative), Ct);
        var exit = await server.WaitForExitAsync();

        Assert.Equal(HttpStatusCode.OK, servedDuringDelay.StatusCode);
        Assert.Equal(143, exit);
        server.AssertExitedWithinBudget(TimeSpan.FromSeconds(budgetSeconds));
        // The request sent during the drain delay was logged as started before the listeners closed.
        var served = server.Output.IndexOf("/slow?ms=10 - ", StringComparison.Ordinal);
        var unbound = server.Output.IndexOf("HTTP listeners unbound", StringComparison.Ordinal);
        Assert.InRange(served, 0, unbound);
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_handler_that_ignores_cancellation_cannot_hold_the_process_and_the_report_names_it(string signal, int exitCode)
    {
        using var server = ChildProcess.StartStorefront(ShortBudget);
        var address = await server.AddressAsync();
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var slow = await StartAcceptedRequestsAsync(server, client, "slow?ms=1000&n=", count: 2);
        var stuck = await StartAcceptedRequestsAsync(server, client, "incidents/stuck?ms=60000&n=", count: 1);

        await server.SignalAsync(signal);
        var exit = await server.WaitForExitAsync();

        Assert.Equal(exitCode, exit);
        server.AssertExitedWithinBudget(TimeSpan.FromSeconds(BudgetSeconds));
        foreach (var request in slow)
        {
            using var response = await request.WithinAsync(TimeSpan.FromSeconds(60), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Its connection was aborted when step 4 cancelled what was left: no response, not a hang.
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => stuck[0].WithinAsync(TimeSpan.FromSeconds(60), Ct));
        var report = ReportLine(server);
        var notFinished = report[report.IndexOf("not finished in time", StringComparison.Ordinal)..];
        Assert.Contains("GET /incidents/stuck?ms=60000&n=0", notFinished, StringComparison.Ordinal);
        Assert.DoesNotContain("GET /slow", notFinished, StringComparison.Ordinal);
        Assert.Contains("Shutdown step 4/5 (CancelRemaining) ran out of time", server.Output, StringComparison.Ordinal);
        Assert.Contains($"reason SIG{signal}, exit code {exitCode}", report, StringComparison.Ordinal);
        Assert.InRange(ReportedMilliseconds(report), 0, BudgetSeconds * 1000);
        TestContext.Current.TestOutputHelper?.WriteLine($"stuck handler, SIG{signal}: kill -> exit {server.SignalToExit?.TotalMilliseconds:0} ms observed; report: {report}");
    }

    [Fact]
    public async Task Steps_that_do_not_fit_the_budget_stop_start_up_with_the_arithmetic()
    {
        using var server = ChildProcess.StartStorefront("--Shutdown:Budget", "00:00:05");

        var exit = await server.WaitForExitAsync();

        Assert.Equal(2, exit);
        Assert.Contains("storefront: The shutdown steps do not fit the budget: drain delay 0 s + stop accepting 2 s + grace 15 s + cancel 5 s + close 3 s + margin 2 s = 27 s > budget 5 s.", server.Output, StringComparison.Ordinal);
    }

    /// <summary>Starts requests and returns once the server has logged that it began processing each of them.</summary>
    private static async Task<Task<HttpResponseMessage>[]> StartAcceptedRequestsAsync(ChildProcess server, HttpClient client, string pathPrefix, int count)
    {
        // One request first, so the measured ones do not wait for the endpoint's first-call compilation.
        using (var warmUp = await client.GetAsync(new Uri("slow?ms=0", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        var requests = Enumerable.Range(0, count)
            .Select(n => client.GetAsync(new Uri(pathPrefix + n.ToString(CultureInfo.InvariantCulture), UriKind.Relative), Ct))
            .ToArray();
        for (var n = 0; n < count; n++)
        {
            await server.WaitForLineAsync($"/{pathPrefix}{n} ");
        }

        return requests;
    }

    private static async Task<HttpResponseMessage> Responded(ChildProcess server, Task<HttpResponseMessage> request)
    {
        try
        {
            return await request.WithinAsync(TimeSpan.FromSeconds(60), Ct);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException($"A request accepted before shutdown failed. Server output:\n{server.Output}", ex);
        }
    }

    private static async Task<SocketError> ConnectAsync(Uri address)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, address.Port, Ct).AsTask().WithinAsync(TimeSpan.FromSeconds(30), Ct);
            return SocketError.Success;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode;
        }
    }

    private static string ReportLine(ChildProcess server) =>
        server.Output.Split('\n').Single(l => l.Contains("Shutdown report: ", StringComparison.Ordinal));

    private static int ReportedMilliseconds(string report) =>
        int.Parse(TookMilliseconds().Match(report).Groups["ms"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"took (?<ms>\d+) ms")]
    private static partial Regex TookMilliseconds();
}
