using System.Globalization;
using Warden.Bench.Results;

namespace Warden.Bench.Statistics;

/// <summary>
/// Finds where a ramp breaks: the first step whose p99 crosses the objective, or whose throughput grew by less
/// than <see cref="MinGrowth"/> although concurrency grew (more users, no more work done: a queue is forming).
/// Steps where the generator was the bottleneck are not judged: their figures measure the generator, not the
/// target, so they are neither a knee nor a step that scaled; the result lists them.
/// </summary>
public static class KneeDetector
{
    /// <summary>Throughput growth between steps below which throughput has stopped growing.</summary>
    public const double MinGrowth = 0.05;

    /// <summary>The knee of one target's steps (levels in ramp order).</summary>
    /// <param name="label">The target's label, A or B.</param>
    /// <param name="steps">Per step: users, median throughput, median p99 (ms), and whether the generator was the bottleneck.</param>
    /// <param name="slo">The p99 objective, if any.</param>
    public static KneeResult Find(string label, IReadOnlyList<(double Users, double Throughput, double P99, bool GeneratorSaturated)> steps, TimeSpan? slo)
    {
        ArgumentNullException.ThrowIfNull(steps);
        double? lastGood = null;
        var best = 0.0;
        var notJudged = new List<double>();
        foreach (var (users, throughput, p99, saturated) in steps)
        {
            if (saturated)
            {
                notJudged.Add(users);
                continue;
            }

            if (slo is { } objective && p99 > objective.TotalMilliseconds)
            {
                return Knee(label, lastGood, users, notJudged, $"p99 crossed the {objective.TotalMilliseconds:0.#} ms objective at {users:0} users ({p99:0.#} ms)");
            }

            if (lastGood is not null && throughput < best * (1 + MinGrowth))
            {
                return Knee(label, lastGood, users, notJudged, $"throughput stopped growing at {users:0} users ({throughput:0} req/s against {best:0} req/s at {lastGood:0} users)");
            }

            best = Math.Max(best, throughput);
            lastGood = users;
        }

        var description = lastGood is null && notJudged.Count > 0
            ? $"no knee found: the generator was the bottleneck at every step ({Users(notJudged)} users)"
            : string.Create(CultureInfo.InvariantCulture, $"no knee up to {lastGood:0} users: throughput kept growing{(slo is null ? string.Empty : " and p99 stayed within the objective")}") + NotJudged(notJudged);
        return new KneeResult
        {
            Label = label,
            LastGoodUsers = lastGood,
            GeneratorBoundUsers = notJudged,
            Description = description,
        };
    }

    private static KneeResult Knee(string label, double? lastGood, double brokeAt, IReadOnlyList<double> notJudged, string what) => new()
    {
        Label = label,
        LastGoodUsers = lastGood,
        BrokeAtUsers = brokeAt,
        GeneratorBoundUsers = notJudged,
        Description = (lastGood is null ? what + "; already at the first step" : string.Create(CultureInfo.InvariantCulture, $"knee at {lastGood:0} users: {what}")) + NotJudged(notJudged),
    };

    private static string NotJudged(IReadOnlyList<double> users) =>
        users.Count == 0 ? string.Empty : $"; not judged at {Users(users)} users, where the generator was the bottleneck";

    private static string Users(IEnumerable<double> users) => string.Join(", ", users.Select(u => u.ToString("0", CultureInfo.InvariantCulture)));
}
