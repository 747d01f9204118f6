using System.Text.Json;

namespace Storefront.Downstream;

/// <summary>
/// A catalog serialised once to JSON of about 50 KB: the body size of the playbook's chapter-2 incident,
/// where parsing it on the request path tripled p90 latency.
/// </summary>
public sealed class CatalogDocument
{
    /// <summary>Number of items in the catalog.</summary>
    public const int ItemCount = 250;

    /// <summary>Creates the document.</summary>
    public CatalogDocument()
    {
        var items = Enumerable.Range(1, ItemCount)
            .Select(i => new CatalogItem(
                i,
                $"Product {i}",
                $"A dependable product number {i}, described at some length so the document is realistic in size.",
                9.99m + i,
                ["home", i % 2 == 0 ? "even" : "odd", $"batch-{i % 10}"]))
            .ToArray();
        Json = JsonSerializer.Serialize(items, JsonSerializerOptions.Web);
    }

    /// <summary>The catalog as a JSON array.</summary>
    public string Json { get; }
}
