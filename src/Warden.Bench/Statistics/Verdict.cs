namespace Warden.Bench.Statistics;

/// <summary>What the evidence says about B against A (for one metric, or overall).</summary>
public enum Verdict
{
    /// <summary>B is better beyond noise: more throughput, or lower latency.</summary>
    Faster,

    /// <summary>B is worse beyond noise.</summary>
    Slower,

    /// <summary>The whole confidence interval lies inside the threshold band: any difference is too small to matter.</summary>
    Same,

    /// <summary>The data cannot tell: the interval is too wide, the metrics disagree, or the generator was the bottleneck.</summary>
    Inconclusive,
}
