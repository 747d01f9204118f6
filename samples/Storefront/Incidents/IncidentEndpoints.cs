using System.Text.Json;
using Storefront.Downstream;

namespace Storefront.Incidents;

/// <summary>
/// Endpoints that reproduce the playbook's incidents ON PURPOSE. They are the planted findings that
/// Warden's analyzers, <c>warden audit</c> and the runtime detectors must find. Do not copy them.
/// </summary>
public static class IncidentEndpoints
{
    /// <summary>The largest fan-out the endpoint accepts, so a typo cannot take the machine down.</summary>
    public const int MaxFanOut = 10_000;

    /// <summary>Maps the <c>/incidents</c> endpoints.</summary>
    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/incidents");

        // Playbook chapter 2: a ~50 KB JSON body parsed synchronously on the request path. The parse is
        // CPU work on a pool thread; with many concurrent requests it delays everything else.
        group.MapGet("/catalog", async (DownstreamClient downstream, CancellationToken ct) =>
        {
            var body = await downstream.GetStringAsync("downstream/catalog", ct);
#pragma warning disable WD204 // Planted chapter 2 incident: this synchronous parse of a ~50 KB body is what Warden must find.
            var items = JsonSerializer.Deserialize<CatalogItem[]>(body, JsonSerializerOptions.Web) ?? [];
#pragma warning restore WD204
            return new { Count = items.Length, Bytes = body.Length };
        });

        // Playbook chapter 5: a fire-and-forget analytics call. The analytics service always fails, and
        // nobody ever sees the exception: the task is dropped, so its failure vanishes.
        group.MapPost("/checkout/{id:int}", (int id, AnalyticsClient analytics) =>
        {
#pragma warning disable WD301 // Planted incident: this dropped task is the finding the analyzers, audit and detectors must report.
            _ = analytics.TrackAsync("checkout", id, CancellationToken.None);
#pragma warning restore WD301
            return Results.Accepted(value: new { ProductId = id, Status = "accepted" });
        });

        // Playbook chapter 3: Task.WhenAll over a list whose size the caller chooses. At 50,000 items the playbook's
        // service ran out of file descriptors. MaxFanOut refuses counts above 10,000, but up to that every call starts at once.
        group.MapGet("/fanout", async (int? count, DownstreamClient downstream, CancellationToken ct) =>
        {
            var n = count ?? 100;
            if (n is < 1 or > MaxFanOut)
            {
                return Results.BadRequest(new { Error = $"count must be between 1 and {MaxFanOut}, got {n}." });
            }

            var ids = Enumerable.Range(1, n).ToList();
#pragma warning disable WD303 // Planted incident: this unbounded fan-out is the finding the analyzers, audit and load test must report.
            var stock = await Task.WhenAll(ids.Select(id => downstream.GetAsync<Inventory>($"downstream/inventory/{id}", ct)));
#pragma warning restore WD303
            return Results.Ok(new { Items = stock.Length, TotalInStock = stock.Sum(s => s.InStock) });
        });
        return app;
    }
}
