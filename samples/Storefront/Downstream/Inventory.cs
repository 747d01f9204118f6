namespace Storefront.Downstream;

/// <summary>Stock level of a product, as the inventory service reports it.</summary>
public sealed record Inventory(int ProductId, int InStock);
