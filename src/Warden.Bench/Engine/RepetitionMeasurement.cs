using HdrHistogram;

namespace Warden.Bench.Engine;

/// <summary>The raw outcome of one repetition of one target at one level.</summary>
/// <param name="Latency">Latencies of successful requests in microseconds (from the intended send time in the open model).</param>
/// <param name="Successes">Successful requests that started inside the measurement window.</param>
/// <param name="Errors">Failures that started inside the window, by kind.</param>
/// <param name="Dropped">Open model: sends skipped because too many requests were in flight.</param>
/// <param name="Sent">Requests started inside the window.</param>
/// <param name="Expected">Open model: sends the schedule called for inside the window; closed model: equals <paramref name="Sent"/>.</param>
/// <param name="ScheduleLagMicros">Open model: how late each send left against its intended time.</param>
/// <param name="Duration">The length of the measurement window.</param>
/// <param name="Generator">What the generator saw of itself.</param>
/// <param name="Abandoned">Requests still running long after their timeout when the repetition gave up on them.</param>
internal sealed record RepetitionMeasurement(
    LongHistogram Latency,
    long Successes,
    IReadOnlyDictionary<string, long> Errors,
    long Dropped,
    long Sent,
    long Expected,
    LongHistogram? ScheduleLagMicros,
    TimeSpan Duration,
    GeneratorSample Generator,
    long Abandoned);
