using Storefront.Downstream;

namespace Storefront.Products;

/// <summary>
/// <c>GET /async/products/{id}</c>: the same product page, with the three downstream calls awaited
/// concurrently. No thread is held while the downstream service works.
/// </summary>
public static class AsyncProductEndpoints
{
    /// <summary>Maps the asynchronous product endpoint.</summary>
    public static IEndpointRouteBuilder MapAsyncProductEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/async/products/{id:int}", async (int id, DownstreamClient downstream, CancellationToken ct) =>
        {
            var inventory = downstream.GetAsync<Inventory>($"downstream/inventory/{id}", ct);
            var price = downstream.GetAsync<Price>($"downstream/pricing/{id}", ct);
            var reviews = downstream.GetAsync<ReviewSummary>($"downstream/reviews/{id}", ct);
            await Task.WhenAll(inventory, price, reviews);
            return new ProductPage(id, await inventory, await price, await reviews);
        });
        return app;
    }
}
