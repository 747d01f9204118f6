namespace Warden.Blocking;

/// <summary>A scope in which the current flow's blocking is not reported; restores the previous state when disposed.</summary>
internal sealed class BlockingSuppression : IDisposable
{
    private readonly bool _previous;

    public BlockingSuppression()
    {
        _previous = FlowMonitoring.Suppressed;
        FlowMonitoring.Suppressed = true;
    }

    public void Dispose() => FlowMonitoring.Suppressed = _previous;
}
