namespace Storefront.Downstream;

/// <summary>One entry of the large catalog document.</summary>
public sealed record CatalogItem(int Id, string Name, string Description, decimal Price, IReadOnlyList<string> Tags);
