namespace Warden.Testing.Leaks;

/// <summary>The plain-task part of one <see cref="LeakAudit"/>: records tasks started in the audited flow.</summary>
internal sealed class PlainTaskRecorder : IDisposable
{
    private const int Recording = 0;
    private const int Stopped = 1;
    private const int Disposed = 2;
    private readonly PlainTaskRecorder? _previous;
    private readonly IDisposable _events;
    private int _state;

    public PlainTaskRecorder()
    {
        _previous = PlainTaskEvents.Current;
        _events = PlainTaskEvents.Subscribe();
        PlainTaskEvents.Current = this;
    }

    public bool IsRecording => Volatile.Read(ref _state) == Recording;

    public IReadOnlyList<PlainTask> Live => PlainTaskEvents.LiveFor(this);

    /// <summary>Stops recording new work (so the audit's own awaits are not recorded); recorded work is still watched.</summary>
    public void StopRecording()
    {
        if (Interlocked.CompareExchange(ref _state, Stopped, Recording) == Recording && ReferenceEquals(PlainTaskEvents.Current, this))
        {
            PlainTaskEvents.Current = _previous;
        }
    }

    public void Dispose()
    {
        StopRecording();
        if (Interlocked.Exchange(ref _state, Disposed) != Disposed)
        {
            PlainTaskEvents.Forget(this);
            _events.Dispose();
        }
    }
}
