namespace Warden.Bench.Statistics;

/// <summary>
/// Turns a ratio interval into a verdict, refusing to call noise a difference:
/// the whole interval inside the band [1/(1+t), 1+t] is Same (an equivalence test, as BenchmarkDotNet's TOST column);
/// an interval wholly on one side of 1 and reaching beyond the band is Faster or Slower;
/// anything else (an interval that straddles 1 and leaves the band) is Inconclusive.
/// </summary>
public static class VerdictRules
{
    /// <summary>The verdict for one metric.</summary>
    /// <param name="estimate">The B/A ratio and its interval.</param>
    /// <param name="direction">Which way is better.</param>
    /// <param name="threshold">The smallest relative difference that matters (0.05 = 5%).</param>
    public static Verdict Classify(RatioEstimate estimate, MetricDirection direction, double threshold)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var band = 1 + threshold;
        if (estimate.Lower >= 1 / band && estimate.Upper <= band)
        {
            return Verdict.Same;
        }

        var higher = estimate.Lower > 1;
        var lower = estimate.Upper < 1;
        if (!higher && !lower)
        {
            return Verdict.Inconclusive;
        }

        return higher == (direction == MetricDirection.HigherIsBetter) ? Verdict.Faster : Verdict.Slower;
    }

    /// <summary>
    /// The overall verdict from throughput and p99: Same when both are; Faster when one is better and the other
    /// better or the same; Slower likewise; Inconclusive when either is, or when they disagree (a trade-off).
    /// </summary>
    public static Verdict Combine(Verdict throughput, Verdict p99)
    {
        if (throughput == Verdict.Inconclusive || p99 == Verdict.Inconclusive)
        {
            return Verdict.Inconclusive;
        }

        if (throughput == p99)
        {
            return throughput;
        }

        if (throughput == Verdict.Same)
        {
            return p99;
        }

        return p99 == Verdict.Same ? throughput : Verdict.Inconclusive;
    }
}
