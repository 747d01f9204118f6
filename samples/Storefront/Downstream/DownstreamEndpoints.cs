using Microsoft.Extensions.Options;

namespace Storefront.Downstream;

/// <summary>
/// The fake downstream service (inventory, pricing, reviews, a large catalog, analytics) served by the
/// sample itself under <c>/downstream</c>, so nothing outside the machine is needed. Each call waits for
/// the configured latency without holding a thread, like a remote service would.
/// </summary>
public static class DownstreamEndpoints
{
    /// <summary>Maps the <c>/downstream</c> endpoints.</summary>
    public static IEndpointRouteBuilder MapDownstreamEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/downstream");
        group.MapGet("/inventory/{id:int}", async (int id, IOptions<StorefrontOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            await WaitLatencyAsync(options, time, ct);
            return new Inventory(id, InStock: 10 + (id % 7));
        });
        group.MapGet("/pricing/{id:int}", async (int id, IOptions<StorefrontOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            await WaitLatencyAsync(options, time, ct);
            return new Price(id, Amount: 9.99m + id, Currency: "EUR");
        });
        group.MapGet("/reviews/{id:int}", async (int id, IOptions<StorefrontOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            await WaitLatencyAsync(options, time, ct);
            return new ReviewSummary(id, Count: 3 + (id % 11), AverageStars: 4.2);
        });
        group.MapGet("/catalog", async (CatalogDocument catalog, IOptions<StorefrontOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            await WaitLatencyAsync(options, time, ct);
            return Results.Text(catalog.Json, "application/json");
        });

        // Always fails: the analytics service is down. The fire-and-forget incident never notices.
        group.MapPost("/analytics", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    private static Task WaitLatencyAsync(IOptions<StorefrontOptions> options, TimeProvider time, CancellationToken ct)
    {
        var latency = options.Value.DownstreamLatencyMs;
        return latency == 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromMilliseconds(latency), time, ct);
    }
}
