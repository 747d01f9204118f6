namespace Warden.Bench.Statistics;

/// <summary>
/// A ratio B/A with its 95% confidence interval, computed on logarithms: ratios of rates and latencies are
/// multiplicative, noise on a loaded machine is roughly log-normal, and the log makes B/A and A/B symmetric.
/// </summary>
/// <param name="Ratio">The point estimate of B/A (geometric mean of the per-repetition ratios).</param>
/// <param name="Lower">The lower end of the 95% interval.</param>
/// <param name="Upper">The upper end of the 95% interval.</param>
/// <param name="Samples">How many pairs (or the smaller sample) the interval rests on.</param>
/// <param name="Method">How it was computed, stated in the result file.</param>
public sealed record RatioEstimate(double Ratio, double Lower, double Upper, int Samples, string Method)
{
    /// <summary>The method name of <see cref="Paired"/>.</summary>
    public const string PairedMethod = "paired t-interval on log ratios (95%)";

    /// <summary>The method name of <see cref="Unpaired"/>.</summary>
    public const string UnpairedMethod = "Welch t-interval on log values (95%)";

    /// <summary>
    /// Paired: repetition i of A and of B ran next to each other (ABBA order), so each pair shares the machine's
    /// state and the drift between pairs cancels. Needs at least two pairs; with one the interval is infinite.
    /// </summary>
    public static RatioEstimate Paired(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"Paired samples must have the same length, got {a.Count} and {b.Count}.", nameof(b));
        }

        var logs = a.Zip(b, (x, y) => Math.Log(Positive(y) / Positive(x))).ToArray();
        var mean = logs.Average();
        if (logs.Length < 2)
        {
            return new RatioEstimate(Math.Exp(mean), 0, double.PositiveInfinity, logs.Length, PairedMethod);
        }

        var sd = Math.Sqrt(logs.Sum(d => (d - mean) * (d - mean)) / (logs.Length - 1));
        var half = StudentT.Quantile975(logs.Length - 1) * sd / Math.Sqrt(logs.Length);
        return new RatioEstimate(Math.Exp(mean), Math.Exp(mean - half), Math.Exp(mean + half), logs.Length, PairedMethod);
    }

    /// <summary>Unpaired (two separate runs, such as a baseline file and a new file): Welch's interval on the log scale.</summary>
    public static RatioEstimate Unpaired(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var la = a.Select(x => Math.Log(Positive(x))).ToArray();
        var lb = b.Select(x => Math.Log(Positive(x))).ToArray();
        if (la.Length == 0 || lb.Length == 0)
        {
            throw new ArgumentException("Both samples need at least one value.", nameof(a));
        }

        var diff = lb.Average() - la.Average();
        var samples = Math.Min(la.Length, lb.Length);
        if (la.Length < 2 || lb.Length < 2)
        {
            return new RatioEstimate(Math.Exp(diff), 0, double.PositiveInfinity, samples, UnpairedMethod);
        }

        var va = Variance(la) / la.Length;
        var vb = Variance(lb) / lb.Length;
        var se = Math.Sqrt(va + vb);
        if (se == 0)
        {
            return new RatioEstimate(Math.Exp(diff), Math.Exp(diff), Math.Exp(diff), samples, UnpairedMethod);
        }

        var df = (va + vb) * (va + vb) / ((va * va / (la.Length - 1)) + (vb * vb / (lb.Length - 1)));
        var half = StudentT.Quantile975(Math.Max(df, 1)) * se;
        return new RatioEstimate(Math.Exp(diff), Math.Exp(diff - half), Math.Exp(diff + half), samples, UnpairedMethod);
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    // A repetition with zero throughput (everything failed) still needs a finite log.
    private static double Positive(double value) => Math.Max(value, 1e-9);
}
