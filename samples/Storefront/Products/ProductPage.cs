using Storefront.Downstream;

namespace Storefront.Products;

/// <summary>The product page both variants serve: one product assembled from three downstream calls.</summary>
public sealed record ProductPage(int ProductId, Inventory Inventory, Price Price, ReviewSummary Reviews);
