using System.Globalization;
using Warden.Bench.Results;

namespace Warden.Bench.Statistics;

/// <summary>
/// Finds where a ramp breaks: the first step whose p99 crosses the objective, or whose throughput grew by less
/// than <see cref="MinGrowth"/> although concurrency grew (more users, no more work done: a queue is forming).
/// </summary>
public static class KneeDetector
{
    /// <summary>Throughput growth between steps below which throughput has stopped growing.</summary>
    public const double MinGrowth = 0.05;

    /// <summary>The knee of one target's steps (levels in ramp order).</summary>
    public static KneeResult Find(string label, IReadOnlyList<(double Users, double Throughput, double P99)> steps, TimeSpan? slo)
    {
        ArgumentNullException.ThrowIfNull(steps);
        double? lastGood = null;
        var best = 0.0;
        foreach (var (users, throughput, p99) in steps)
        {
            if (slo is { } objective && p99 > objective.TotalMilliseconds)
            {
                return Knee(label, lastGood, users, $"p99 crossed the {objective.TotalMilliseconds:0.#} ms objective at {users:0} users ({p99:0.#} ms)");
            }

            if (lastGood is not null && throughput < best * (1 + MinGrowth))
            {
                return Knee(label, lastGood, users, $"throughput stopped growing at {users:0} users ({throughput:0} req/s against {best:0} req/s at {lastGood:0} users)");
            }

            best = Math.Max(best, throughput);
            lastGood = users;
        }

        return new KneeResult
        {
            Label = label,
            LastGoodUsers = lastGood,
            Description = string.Create(CultureInfo.InvariantCulture, $"no knee up to {lastGood:0} users: throughput kept growing{(slo is null ? string.Empty : " and p99 stayed within the objective")}"),
        };
    }

    private static KneeResult Knee(string label, double? lastGood, double brokeAt, string what) => new()
    {
        Label = label,
        LastGoodUsers = lastGood,
        BrokeAtUsers = brokeAt,
        Description = lastGood is null ? what + "; already at the first step" : string.Create(CultureInfo.InvariantCulture, $"knee at {lastGood:0} users: {what}"),
    };
}
