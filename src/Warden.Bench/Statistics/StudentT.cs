namespace Warden.Bench.Statistics;

/// <summary>Two-sided 95% critical values of Student's t distribution.</summary>
internal static class StudentT
{
    // t(0.975, df) for df = 1..30, from the standard table.
    private static readonly double[] Table =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The 97.5th percentile of t with <paramref name="degreesOfFreedom"/> (fractional allowed, for Welch).</summary>
    public static double Quantile975(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom >= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "A t interval needs at least 1 degree of freedom.");
        }

        if (degreesOfFreedom >= 30)
        {
            // Beyond the table the value falls smoothly towards 1.96; interpolate in 1/df.
            return 1.96 + ((2.042 - 1.96) * 30 / degreesOfFreedom);
        }

        var low = (int)Math.Floor(degreesOfFreedom);
        var high = Math.Min(low + 1, 30);
        var fraction = degreesOfFreedom - low;
        return Table[low - 1] + ((Table[high - 1] - Table[low - 1]) * fraction);
    }
}
