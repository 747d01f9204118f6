using System.Net;

namespace Warden.Hosting.Tests;

/// <summary>ASP.NET Core with Warden's shutdown, in process: readiness, request tracking, cancellation at step 4.</summary>
[Collection(LeakAuditedGroup.Name)]
public sealed class WebIntegrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_turns_unhealthy_at_step_2_and_in_flight_requests_complete()
    {
        await using var web = await RunningWebApp.StartAsync(o =>
        {
            o.DrainDelay = TimeSpan.FromSeconds(5);
            o.GracePeriod = TimeSpan.FromSeconds(10);
        });
        Assert.Equal(HttpStatusCode.OK, await web.HealthAsync());
        var inFlight = web.Client.GetStringAsync(new Uri("wait", UriKind.Relative), Ct);
        await Eventually.UntilAsync(() => web.Coordinator.InFlightCount == 1, Bounded.DefaultBound, "the request should be in flight", Ct);

        var stop = web.StopAsync();

        // The drain delay (fake clock, not advanced yet) keeps the listener open while readiness fails.
        await Eventually.AssertAsync(
            async () => Assert.Equal(HttpStatusCode.ServiceUnavailable, await web.HealthAsync()),
            Bounded.DefaultBound,
            "readiness should report not-ready once the shutdown starts",
            null,
            Ct);
        web.ReleaseWait.TrySetResult();
        Assert.Equal("released", await inFlight.WithinAsync(ct: Ct));
        await web.AdvanceUntilAsync(stop, TimeSpan.FromSeconds(1));
        var report = await web.Coordinator.RunAsync("already run", Ct).WithinAsync(ct: Ct);

        // Only the request is asserted: the fake clock races through the grace period while Kestrel's own
        // connection drain runs on real time, so the "http connections" drain may land in either list.
        Assert.Contains("GET /wait", report.Drained);
        Assert.DoesNotContain("GET /wait", report.Cancelled);
        Assert.DoesNotContain("GET /wait", report.NotFinished);
    }

    [Fact]
    public async Task Request_tokens_are_cancelled_at_step_4_and_the_request_is_reported_cancelled()
    {
        await using var web = await RunningWebApp.StartAsync(o => o.GracePeriod = TimeSpan.FromSeconds(3));
        var inFlight = web.Client.GetAsync(new Uri("cancellable", UriKind.Relative), Ct);
        await Eventually.UntilAsync(() => web.Coordinator.InFlightCount == 1, Bounded.DefaultBound, "the request should be in flight", Ct);

        var stop = web.StopAsync();
        // Stop the clock as soon as step 4 cancels: its 5 s timeout must not run out while the handler unwinds on
        // real time (a loaded CI machine once advanced it past the timeout, and the request was "not finished").
        await web.AdvanceUntilCancelledAsync(TimeSpan.FromSeconds(1), web.Coordinator.Cancelling);
        Assert.True(await web.CancellableObservedCancel.Task.WithinAsync(ct: Ct));

        // The clock stands still until the handler has unwound, so step 4's timeout cannot win the race.
        await Eventually.UntilAsync(() => !web.Coordinator.InFlightWork.Contains("GET /cancellable"), Bounded.DefaultBound, "the cancelled request should end", Ct);
        await web.AdvanceUntilAsync(stop, TimeSpan.FromSeconds(1));
        var report = await web.Coordinator.RunAsync("already run", Ct).WithinAsync(ct: Ct);

        Assert.Contains("GET /cancellable", report.Cancelled);
        Assert.DoesNotContain("GET /cancellable", report.NotFinished);
        Assert.Matches("still running after 3 s: .*GET /cancellable", report.Steps[2].Outcome);

        // Two outcomes race and both are right: Kestrel aborts the connection at step 4 (the client sees a reset),
        // or the handler's cancellation reaches the server first and it answers 500. Never a success.
        var outcome = await Record.ExceptionAsync(async () =>
        {
            using var response = await inFlight.WithinAsync(ct: Ct);
            Assert.False(response.IsSuccessStatusCode, $"The cancelled request answered {(int)response.StatusCode}.");
        });
        Assert.True(outcome is null or HttpRequestException, $"Unexpected outcome: {outcome}");
    }

    [Fact]
    public async Task UseWardenShutdown_without_AddWardenShutdown_says_what_to_do()
    {
        var app = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder().Build();
        await using var _ = app;

        var ex = Assert.Throws<InvalidOperationException>(() => app.UseWardenShutdown());

        Assert.Contains("call builder.Services.AddWardenShutdown()", ex.Message, StringComparison.Ordinal);
    }
}
