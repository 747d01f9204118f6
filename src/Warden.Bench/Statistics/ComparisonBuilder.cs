using Warden.Bench.Results;

namespace Warden.Bench.Statistics;

/// <summary>
/// Compares B with A at one level, repetition by repetition. Refuses a verdict when the generator was the
/// bottleneck or when one repetition gives no interval.
/// </summary>
public static class ComparisonBuilder
{
    /// <summary>Paired comparison of two runs made in the same session (repetition i of A beside repetition i of B).</summary>
    /// <param name="a">The baseline.</param>
    /// <param name="b">The candidate.</param>
    /// <param name="bName">How to name B in the sentence.</param>
    /// <param name="threshold">The smallest relative difference that matters.</param>
    /// <param name="latencyNoiseFloor">p99 differences below this are noise.</param>
    public static Comparison Paired(TargetRun a, TargetRun b, string bName, double threshold, TimeSpan latencyNoiseFloor)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pairs = Math.Min(a.Repetitions.Count, b.Repetitions.Count);
        var throughput = RatioEstimate.Paired(
            [.. a.Repetitions.Take(pairs).Select(r => r.Throughput)],
            [.. b.Repetitions.Take(pairs).Select(r => r.Throughput)]);
        var p99 = RatioEstimate.Paired(
            [.. a.Repetitions.Take(pairs).Select(r => r.Latency.P99)],
            [.. b.Repetitions.Take(pairs).Select(r => r.Latency.P99)]);
        return Build(a, b, bName, threshold, latencyNoiseFloor, throughput, p99);
    }

    /// <summary>Unpaired comparison of two separate sessions (a baseline file and a new file).</summary>
    public static Comparison Unpaired(TargetRun a, TargetRun b, string bName, double threshold, TimeSpan latencyNoiseFloor)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var throughput = RatioEstimate.Unpaired([.. a.Repetitions.Select(r => r.Throughput)], [.. b.Repetitions.Select(r => r.Throughput)]);
        var p99 = RatioEstimate.Unpaired([.. a.Repetitions.Select(r => r.Latency.P99)], [.. b.Repetitions.Select(r => r.Latency.P99)]);
        return Build(a, b, bName, threshold, latencyNoiseFloor, throughput, p99);
    }

    private static Comparison Build(TargetRun a, TargetRun b, string bName, double threshold, TimeSpan noiseFloor, RatioEstimate throughput, RatioEstimate p99)
    {
        var throughputVerdict = VerdictRules.Classify(throughput, MetricDirection.HigherIsBetter, threshold);
        var p99Verdict = VerdictRules.Classify(p99, MetricDirection.LowerIsBetter, threshold);
        string? reason = null;
        if (p99Verdict != Verdict.Same && Math.Abs(b.P99 - a.P99) < noiseFloor.TotalMilliseconds)
        {
            p99Verdict = Verdict.Same;
            reason = $"the p99 difference ({Math.Abs(b.P99 - a.P99):0.###} ms) is below the {noiseFloor.TotalMilliseconds:0.###} ms noise floor";
        }

        var verdict = VerdictRules.Combine(throughputVerdict, p99Verdict);
        var generatorReason = a.Repetitions.Concat(b.Repetitions).Select(r => r.Generator.Reason).FirstOrDefault(r => r is not null);
        var empty = new[] { a, b }.FirstOrDefault(run => run.Repetitions.Any(r => r.Requests == 0));
        if (empty is not null)
        {
            verdict = Verdict.Inconclusive;
            var errors = empty.Errors.Count == 0 ? "no failures either" : string.Join(", ", empty.Errors.Select(e => $"{e.Key} {e.Value}"));
            reason = $"{empty.Label} had repetitions with no successful request ({errors}); there is nothing to compare";
        }
        else if (generatorReason is not null)
        {
            verdict = Verdict.Inconclusive;
            reason = generatorReason + "; no verdict";
        }
        else if (throughput.Samples < 2)
        {
            verdict = Verdict.Inconclusive;
            reason = "one repetition gives no confidence interval; run --repeat 3 or more";
        }
        else if (verdict == Verdict.Inconclusive && throughputVerdict is Verdict.Faster or Verdict.Slower && p99Verdict is Verdict.Faster or Verdict.Slower)
        {
            reason = "a trade-off: throughput and p99 move in opposite directions";
        }
        else if (verdict == Verdict.Inconclusive)
        {
            reason = "the confidence interval is wider than the difference; add repetitions or a longer --duration";
        }

        return new Comparison
        {
            Verdict = verdict,
            Throughput = MetricComparison.From(throughput, throughputVerdict),
            P99 = MetricComparison.From(p99, p99Verdict),
            Sentence = VerdictText.Sentence(bName, throughput.Ratio, p99.Ratio),
            Reason = reason,
        };
    }
}
