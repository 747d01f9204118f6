namespace Storefront.Downstream;

/// <summary>Review count and average rating of a product, as the reviews service reports it.</summary>
public sealed record ReviewSummary(int ProductId, int Count, double AverageStars);
