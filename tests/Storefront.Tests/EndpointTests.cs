using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Storefront.Products;

namespace Storefront.Tests;

public sealed class EndpointTests(RunningStorefront storefront) : IClassFixture<RunningStorefront>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Binds_to_loopback_only()
    {
        Assert.Equal("127.0.0.1", storefront.Address.Host);
        Assert.NotEqual(5080, storefront.Address.Port);
    }

    [Fact]
    public async Task Health_reports_healthy()
    {
        var body = await storefront.Client.GetStringAsync(new Uri("health", UriKind.Relative), Ct);

        Assert.Equal("Healthy", body);
    }

    [Theory]
    [InlineData("sync")]
    [InlineData("async")]
    public async Task Product_page_combines_the_three_downstream_calls(string variant)
    {
        var page = await storefront.Client.GetFromJsonAsync<ProductPage>(new Uri($"{variant}/products/5", UriKind.Relative), JsonSerializerOptions.Web, Ct);

        Assert.NotNull(page);
        Assert.Equal(5, page.ProductId);
        Assert.Equal(5, page.Inventory.ProductId);
        Assert.Equal(15, page.Inventory.InStock);
        Assert.Equal(14.99m, page.Price.Amount);
        Assert.Equal(8, page.Reviews.Count);
    }

    [Fact]
    public async Task Sync_and_async_variants_return_the_same_page()
    {
        var sync = await storefront.Client.GetStringAsync(new Uri("sync/products/3", UriKind.Relative), Ct);
        var async = await storefront.Client.GetStringAsync(new Uri("async/products/3", UriKind.Relative), Ct);

        Assert.Equal(sync, async);
    }

    [Fact]
    public async Task Unknown_product_route_is_not_found()
    {
        using var response = await storefront.Client.GetAsync(new Uri("async/products/abc", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Catalog_incident_parses_a_50_KB_document()
    {
        // HttpClient.Timeout ends when the headers arrive; the body read is bounded separately.
        using var doc = await JsonDocument.ParseAsync(await storefront.Client.GetStreamAsync(new Uri("incidents/catalog", UriKind.Relative), Ct), cancellationToken: Ct).WithinAsync(ct: Ct);

        Assert.Equal(250, doc.RootElement.GetProperty("count").GetInt32());
        Assert.InRange(doc.RootElement.GetProperty("bytes").GetInt32(), 40_000, 70_000);
    }

    [Fact]
    public async Task Checkout_incident_accepts_although_analytics_fails()
    {
        using var analytics = await storefront.Client.PostAsync(new Uri("downstream/analytics", UriKind.Relative), null, Ct);
        using var checkout = await storefront.Client.PostAsync(new Uri("incidents/checkout/5", UriKind.Relative), null, Ct);

        // The planted bug: the downstream call fails, and the caller is told everything went fine.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, analytics.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, checkout.StatusCode);
    }

    [Fact]
    public async Task Fanout_incident_calls_downstream_once_per_item()
    {
        // HttpClient.Timeout ends when the headers arrive; the body read is bounded separately.
        using var doc = await JsonDocument.ParseAsync(await storefront.Client.GetStreamAsync(new Uri("incidents/fanout?count=40", UriKind.Relative), Ct), cancellationToken: Ct).WithinAsync(ct: Ct);

        Assert.Equal(40, doc.RootElement.GetProperty("items").GetInt32());
        Assert.Equal(Enumerable.Range(1, 40).Sum(i => 10 + (i % 7)), doc.RootElement.GetProperty("totalInStock").GetInt32());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task Fanout_incident_rejects_counts_out_of_range(int count)
    {
        using var response = await storefront.Client.GetAsync(new Uri($"incidents/fanout?count={count}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("count must be between 1 and 10000", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
