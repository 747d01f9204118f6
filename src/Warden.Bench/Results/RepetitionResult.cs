namespace Warden.Bench.Results;

/// <summary>One repetition of one target at one level: the statistical unit of a verdict.</summary>
public sealed record RepetitionResult
{
    /// <summary>The repetition number, from 1.</summary>
    public int Index { get; init; }

    /// <summary>Position of this run in the whole session (A and B interleave, so this shows the ABBA order).</summary>
    public int Order { get; init; }

    /// <summary>Successful requests in the measurement window.</summary>
    public long Requests { get; init; }

    /// <summary>Failures by kind (<c>timeout</c>, <c>http-503</c>, ...); never part of the latency.</summary>
    public IReadOnlyDictionary<string, long> Errors { get; init; } = new Dictionary<string, long>();

    /// <summary>Open model: sends dropped because too many requests were in flight.</summary>
    public long Dropped { get; init; }

    /// <summary>The measurement window, in seconds.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Successful requests per second.</summary>
    public double Throughput { get; init; }

    /// <summary>Latency percentiles of this repetition.</summary>
    public LatencySummary Latency { get; init; } = new();

    /// <summary>The generator's view of itself.</summary>
    public GeneratorHealth Generator { get; init; } = new();

    /// <summary>The full latency histogram (microseconds), HdrHistogram's compressed V2 encoding in base64.</summary>
    public string Histogram { get; init; } = string.Empty;
}
