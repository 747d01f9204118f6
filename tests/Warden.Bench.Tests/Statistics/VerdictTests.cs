using Warden.Bench.Results;
using Warden.Bench.Statistics;

namespace Warden.Bench.Tests.Statistics;

public sealed class VerdictTests
{
    private static readonly double[] Noise = [1.000, 1.012, 0.991, 1.007, 0.995, 1.003, 0.989, 1.010];

    private static TargetRun Run(string label, double[] throughput, double[] p99, GeneratorHealth? generator = null) => new()
    {
        Label = label,
        Repetitions = [.. throughput.Select((t, i) => new RepetitionResult
        {
            Index = i + 1,
            Throughput = t,
            Requests = (long)t,
            Latency = new LatencySummary { P99 = p99[i], Count = 1 },
            Generator = generator is not null && i == 1 ? generator : new GeneratorHealth(),
        })],
        Throughput = throughput.Order().ElementAt(throughput.Length / 2),
        P99 = p99.Order().ElementAt(p99.Length / 2),
    };

    private static double[] Scaled(double value, double factor, int count, int shift = 0) => [.. Enumerable.Range(0, count).Select(i => value * factor * Noise[(i + shift) % Noise.Length])];

    private static Comparison Compare(TargetRun a, TargetRun b) => ComparisonBuilder.Paired(a, b, "B", 0.05, TimeSpan.FromMilliseconds(1));

    [Fact]
    public void Equal_distributions_are_Same()
    {
        var a = Run("A", Scaled(1000, 1, 5), Scaled(100, 1, 5));
        var b = Run("B", Scaled(1000, 1, 5, shift: 3), Scaled(100, 1, 5, shift: 2));

        var comparison = Compare(a, b);

        Assert.Equal(Verdict.Same, comparison.Verdict);
        Assert.InRange(comparison.Throughput.Lower, 1 / 1.05, 1);
        Assert.InRange(comparison.Throughput.Upper, 1, 1.05);
    }

    [Fact]
    public void Ten_percent_more_throughput_and_lower_p99_is_Faster()
    {
        var a = Run("A", Scaled(1000, 1, 5), Scaled(100, 1, 5));
        var b = Run("B", Scaled(1000, 1.10, 5, shift: 1), Scaled(100, 1 / 1.10, 5, shift: 4));

        var comparison = Compare(a, b);

        Assert.Equal(Verdict.Faster, comparison.Verdict);
        Assert.Equal(1.10, comparison.Throughput.Ratio, tolerance: 0.02);
        Assert.True(comparison.Throughput.Lower > 1);
        Assert.Equal("B gains 10% throughput and gains 9% p99", comparison.Sentence);
    }

    [Fact]
    public void Ten_percent_less_throughput_is_Slower()
    {
        var a = Run("A", Scaled(1000, 1, 5), Scaled(100, 1, 5));
        var b = Run("B", Scaled(1000, 0.9, 5, shift: 1), Scaled(100, 1, 5, shift: 1));

        Assert.Equal(Verdict.Slower, Compare(a, b).Verdict);
    }

    [Fact]
    public void Bimodal_repetitions_are_Inconclusive_not_a_difference()
    {
        // B alternates between 20% slower and 20% faster: the mean ratio is near 1 but the interval is wide.
        var a = Run("A", Scaled(1000, 1, 6), Scaled(100, 1, 6));
        double[] bimodal = [800, 1200, 800, 1200, 800, 1200];
        var b = Run("B", bimodal, [.. bimodal.Select(t => 100_000 / t)]);

        var comparison = Compare(a, b);

        Assert.Equal(Verdict.Inconclusive, comparison.Verdict);
        Assert.True(comparison.Throughput.Lower < 1 && comparison.Throughput.Upper > 1);
        Assert.Contains("interval is wider", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_playbook_trade_off_is_phrased_as_the_playbook_phrases_it()
    {
        // Chapter 1: sync 950 req/s at p99 120 ms, async 1,100 req/s at p99 140 ms.
        var a = Run("A", Scaled(950, 1, 5), Scaled(120, 1, 5));
        // Paired noise: each repetition of B shares its pair's machine state, as interleaving intends.
        var b = Run("B", Scaled(1100, 1, 5), Scaled(140, 1, 5));

        var comparison = Compare(a, b);

        Assert.Equal(Verdict.Faster, comparison.Throughput.Verdict);
        Assert.Equal(Verdict.Slower, comparison.P99.Verdict);
        Assert.Equal(Verdict.Inconclusive, comparison.Verdict);
        Assert.StartsWith("B gains 16% throughput and loses 17% p99", comparison.Sentence, StringComparison.Ordinal);
        Assert.Contains("trade-off", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saturated_generator_gives_no_verdict_however_clear_the_numbers()
    {
        var saturated = new GeneratorHealth { Saturated = true, Reason = "the generator was the bottleneck: process CPU 98%" };
        var a = Run("A", Scaled(1000, 1, 5), Scaled(100, 1, 5));
        var b = Run("B", Scaled(1000, 2, 5), Scaled(100, 0.5, 5), saturated);

        var comparison = Compare(a, b);

        Assert.Equal(Verdict.Inconclusive, comparison.Verdict);
        Assert.Contains("bottleneck", comparison.Reason, StringComparison.Ordinal);
        Assert.Contains("no verdict", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_targets_that_only_time_out_are_not_the_Same()
    {
        var a = Run("A", [0, 0, 0], [0, 0, 0]) with { Errors = new Dictionary<string, long> { ["timeout"] = 300 } };
        var b = Run("B", [0, 0, 0], [0, 0, 0]);

        var comparison = Compare(a, b);

        Assert.Equal(Verdict.Inconclusive, comparison.Verdict);
        Assert.Contains("A had repetitions with no successful request (timeout 300)", comparison.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_repetition_gives_no_interval_and_no_verdict()
    {
        var comparison = Compare(Run("A", [1000], [100]), Run("B", [2000], [50]));

        Assert.Equal(Verdict.Inconclusive, comparison.Verdict);
        Assert.True(double.IsPositiveInfinity(comparison.Throughput.Upper));
    }

    [Fact]
    public void A_p99_difference_below_the_noise_floor_is_Same()
    {
        var a = Run("A", Scaled(1000, 1, 5), Scaled(0.5, 1, 5));
        var b = Run("B", Scaled(1000, 1, 5, shift: 1), Scaled(0.8, 1, 5));

        var comparison = Compare(a, b);

        Assert.Equal(Verdict.Same, comparison.P99.Verdict);
        Assert.Contains("noise floor", comparison.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(4, 2.776)]
    [InlineData(30, 2.042)]
    [InlineData(1000, 1.962)]
    public void Student_t_quantiles_match_the_table(double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile975(df), tolerance: 0.001);

    [Fact]
    public void Paired_interval_on_known_log_ratios()
    {
        // log ratios ln(1.1), ln(1.2), ln(1.3): mean 0.1800, sd 0.0836, t(2) = 4.303, half-width 0.2076.
        var estimate = RatioEstimate.Paired([1, 1, 1], [1.1, 1.2, 1.3]);

        Assert.Equal(Math.Exp((Math.Log(1.1) + Math.Log(1.2) + Math.Log(1.3)) / 3), estimate.Ratio, tolerance: 1e-9);
        Assert.Equal(0.9728, estimate.Lower, tolerance: 0.001);
        Assert.Equal(1.4734, estimate.Upper, tolerance: 0.001);
    }
}
