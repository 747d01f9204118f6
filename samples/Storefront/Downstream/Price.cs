namespace Storefront.Downstream;

/// <summary>Current price of a product, as the pricing service reports it.</summary>
public sealed record Price(int ProductId, decimal Amount, string Currency);
