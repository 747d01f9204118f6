using Storefront.Downstream;

namespace Storefront.Incidents;

/// <summary>Reports business events to the (always failing) analytics service.</summary>
public sealed class AnalyticsClient(DownstreamClient downstream)
{
    /// <summary>Sends one event; throws when the analytics service rejects it.</summary>
    public Task TrackAsync(string eventName, int productId, CancellationToken cancellationToken) =>
        downstream.PostAsync($"downstream/analytics?event={Uri.EscapeDataString(eventName)}&product={productId}", cancellationToken);
}
