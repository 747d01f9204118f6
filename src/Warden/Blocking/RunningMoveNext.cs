namespace Warden.Blocking;

/// <summary>One step of a monitored async method running on the current thread.</summary>
internal sealed class RunningMoveNext(MonitoredAsyncMethod method, long startedAt)
{
    public MonitoredAsyncMethod Method { get; } = method;

    public long StartedAt { get; } = startedAt;

    /// <summary>Set when a continuation that ran inline inside this step was already reported as slow.</summary>
    public bool InnerReported { get; set; }

    /// <summary>Set once the step was timed (at the method's completion or at the step's end), so it is judged once.</summary>
    public bool Judged { get; set; }
}
