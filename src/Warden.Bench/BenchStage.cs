namespace Warden.Bench;

/// <summary>The stages of one repetition, in order (as BenchmarkDotNet separates warm-up from measurement).</summary>
public enum BenchStage
{
    /// <summary>Load is applied but nothing is recorded.</summary>
    Warmup,

    /// <summary>Requests that start now are recorded.</summary>
    Measure,

    /// <summary>No new requests start; the ones in flight finish (bounded by the timeout).</summary>
    Drain,
}
