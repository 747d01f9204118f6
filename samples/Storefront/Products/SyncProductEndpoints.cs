using Storefront.Downstream;

namespace Storefront.Products;

/// <summary>
/// <c>GET /sync/products/{id}</c>: the product page built with blocking HTTP calls, one after another, the
/// way a synchronous service does it. Each request holds a pool thread for the whole downstream wait.
/// </summary>
public static class SyncProductEndpoints
{
    /// <summary>Maps the synchronous product endpoint.</summary>
    public static IEndpointRouteBuilder MapSyncProductEndpoints(this IEndpointRouteBuilder app)
    {
        // The deliberate sync baseline `warden bench` measures the async endpoint against. No rule flags it:
        // blocking in fully synchronous code (HttpClient.Send) is not an async anti-pattern; WD203 only looks
        // at sync I/O inside async code (docs/rules/WD203.md, known limits).
        app.MapGet("/sync/products/{id:int}", (int id, DownstreamClient downstream) => new ProductPage(
            id,
            downstream.Get<Inventory>($"downstream/inventory/{id}"),
            downstream.Get<Price>($"downstream/pricing/{id}"),
            downstream.Get<ReviewSummary>($"downstream/reviews/{id}")));
        return app;
    }
}
