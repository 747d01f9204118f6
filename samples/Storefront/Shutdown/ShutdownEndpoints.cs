using Warden;

namespace Storefront.Shutdown;

/// <summary>Endpoints that make graceful shutdown observable: slow requests that must be drained.</summary>
public static class ShutdownEndpoints
{
    /// <summary>The longest delay the slow endpoints accept, in milliseconds.</summary>
    public const int MaxDelayMs = 120_000;

    /// <summary>
    /// Maps <c>GET /slow?ms=N</c> (waits N ms, honouring cancellation) and the planted incident
    /// <c>GET /incidents/stuck?ms=N</c> (playbook chapter 8: waits N ms and ignores cancellation, the handler
    /// that used to hold pods until SIGKILL; graceful shutdown must still end within its budget).
    /// </summary>
    public static IEndpointRouteBuilder MapShutdownEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/slow", async (int? ms, TimeProvider time, CancellationToken ct) =>
        {
            var delay = ms ?? 1000;
            if (delay is < 0 or > MaxDelayMs)
            {
                return Results.BadRequest(new { Error = $"ms must be between 0 and {MaxDelayMs}, got {delay}." });
            }

            await Task.Delay(TimeSpan.FromMilliseconds(delay), time, ct);
            return Results.Ok(new { WaitedMs = delay });
        });

        // Playbook chapter 8, planted on purpose: the token is dropped, so cancellation cannot stop this handler.
        app.MapGet("/incidents/stuck", async (int? ms, TimeProvider time) =>
        {
            var delay = Math.Clamp(ms ?? 60_000, 0, MaxDelayMs);
            await Task.Delay(TimeSpan.FromMilliseconds(delay), time, CancellationToken.None);
            return Results.Ok(new { WaitedMs = delay });
        });
        return app;
    }

    /// <summary>Writes one journal line per completed request; registers the journal for shutdown step 5.</summary>
    public static WebApplication UseRequestJournal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var journal = app.Services.GetRequiredService<RequestJournal>();
        app.Services.GetRequiredService<ShutdownCoordinator>().RegisterForClose(journal, "request journal");
        app.Use(async (context, next) =>
        {
            await next(context);
            await journal.WriteAsync($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {context.Response.StatusCode}", CancellationToken.None);
        });
        return app;
    }
}
