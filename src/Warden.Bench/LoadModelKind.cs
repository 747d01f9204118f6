namespace Warden.Bench;

/// <summary>How load is generated; every result says which model produced it.</summary>
public enum LoadModelKind
{
    /// <summary>N concurrent users, each sending its next request when the previous one answers (wrk, Locust users).</summary>
    Closed,

    /// <summary>A constant arrival rate; latency counts from the intended send time (wrk2), so stalls cannot hide.</summary>
    Open,

    /// <summary>Closed-model steps of growing concurrency, to find where latency or throughput breaks.</summary>
    Ramp,
}
