namespace Warden.Diagnostics;

/// <summary>The scope returned by <see cref="WorkRegistry.BeginTracking"/>; ends its share of tracking once.</summary>
internal sealed class WorkRegistryTrackingScope : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            WorkRegistry.EndTracking();
        }
    }
}
