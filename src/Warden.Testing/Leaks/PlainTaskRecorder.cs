namespace Warden.Testing.Leaks;

/// <summary>The plain-task part of one <see cref="LeakAudit"/>: records tasks started in the audited flow.</summary>
internal sealed class PlainTaskRecorder : IDisposable
{
    private const int Recording = 0;
    private const int Stopped = 1;
    private const int Disposed = 2;
    private readonly PlainTaskRecorder? _previous;
    private int _state;

    public PlainTaskRecorder()
    {
        _previous = PlainTaskListener.Current;
        PlainTaskListener.Instance.AddUser();
        PlainTaskListener.Current = this;
    }

    public bool IsRecording => Volatile.Read(ref _state) == Recording;

    public IReadOnlyList<PlainTask> Live => PlainTaskListener.Instance.LiveFor(this);

    /// <summary>Stops recording new work (so the audit's own awaits are not recorded); recorded work is still watched.</summary>
    public void StopRecording()
    {
        if (Interlocked.CompareExchange(ref _state, Stopped, Recording) == Recording && ReferenceEquals(PlainTaskListener.Current, this))
        {
            PlainTaskListener.Current = _previous;
        }
    }

    public void Dispose()
    {
        StopRecording();
        if (Interlocked.Exchange(ref _state, Disposed) != Disposed)
        {
            PlainTaskListener.Instance.Forget(this);
            PlainTaskListener.Instance.RemoveUser();
        }
    }
}
