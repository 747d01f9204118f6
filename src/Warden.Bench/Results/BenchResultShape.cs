using System.Globalization;

namespace Warden.Bench.Results;

/// <summary>
/// Checks that a deserialised result has everything <c>compare</c> and <c>report</c> read. JSON that parses can
/// still hold <c>null</c> where the types say never (<c>"histogram": null</c>), empty lists where there must be data
/// (<c>"repetitions": []</c>) or nothing at all where a field was left out; the reader would otherwise fail later,
/// deep in the statistics, with an error that names neither the file nor the field.
/// </summary>
internal static class BenchResultShape
{
    /// <summary>Throws <see cref="BenchResultFormatException"/> naming <paramref name="source"/> and the first field that is wrong.</summary>
    public static void Check(BenchResult result, string source)
    {
        if (result.Levels is not { Count: > 0 } || result.Targets is not { Count: > 0 })
        {
            throw new BenchResultFormatException($"{source} has no levels or no targets; it is not a complete warden bench result.");
        }

        var problem = Problem(result);
        if (problem is not null)
        {
            throw new BenchResultFormatException($"{source} is not a complete warden bench result: {problem}.");
        }

        for (var l = 0; l < result.Levels.Count; l++)
        {
            for (var r = 0; r < result.Levels[l].Runs.Count; r++)
            {
                var repetitions = result.Levels[l].Runs[r].Repetitions;
                for (var i = 0; i < repetitions.Count; i++)
                {
                    try
                    {
                        HistogramCodec.Decode(repetitions[i].Histogram);
                    }
                    catch (FormatException ex)
                    {
                        throw new BenchResultFormatException($"{source} has a repetition whose histogram cannot be decoded ({Path("levels", l, "runs", r, "repetitions", i)}.histogram): {ex.Message}", ex);
                    }
                }
            }
        }
    }

    // The deserialiser puts null wherever the JSON says null, whatever the nullable annotations claim, so every
    // reference below is checked even though its type says it cannot be null.
    private static string? Problem(BenchResult result)
    {
        if (result.Machine is null)
        {
            return "machine is missing";
        }

        if (result.Settings is null)
        {
            return "settings is missing";
        }

        if (result.Knees is null)
        {
            return "knees is missing";
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < result.Targets.Count; t++)
        {
            var target = result.Targets[t];
            var where = Path("targets", t);
            if (target is null || string.IsNullOrEmpty(target.Label))
            {
                return $"{where}{(target is null ? string.Empty : ".label")} is missing";
            }

            if (!labels.Add(target.Label))
            {
                return $"{where}.label '{target.Label}' is used by another target; each target needs its own label (A, B)";
            }
        }

        for (var l = 0; l < result.Levels.Count; l++)
        {
            var problem = LevelProblem(result.Levels[l], l);
            if (problem is not null)
            {
                return problem;
            }
        }

        for (var k = 0; k < result.Knees.Count; k++)
        {
            if (result.Knees[k] is null)
            {
                return $"{Path("knees", k)} is missing";
            }
        }

        return null;
    }

    private static string? LevelProblem(LevelResult? level, int l)
    {
        var where = Path("levels", l);
        if (level is null || level.Unit is null)
        {
            return $"{where}{(level is null ? string.Empty : ".unit")} is missing";
        }

        if (level.Runs is not { Count: > 0 })
        {
            return $"{where}.runs is missing or empty";
        }

        if (level.Comparison is { } comparison && (comparison.Throughput is null || comparison.P99 is null))
        {
            return $"{where}.comparison.{(comparison.Throughput is null ? "throughput" : "p99")} is missing";
        }

        for (var r = 0; r < level.Runs.Count; r++)
        {
            var run = level.Runs[r];
            var runWhere = Path("levels", l, "runs", r);
            var missing = run is null ? string.Empty : run.Label is null ? ".label" : run.Latency is null ? ".latency" : run.Errors is null ? ".errors" : null;
            if (missing is not null)
            {
                return runWhere + missing + " is missing";
            }

            if (run!.Repetitions is not { Count: > 0 })
            {
                return $"{runWhere}.repetitions is missing or empty; every run needs at least one measured repetition";
            }

            for (var i = 0; i < run.Repetitions.Count; i++)
            {
                var repetition = run.Repetitions[i];
                var field = repetition is null ? string.Empty
                    : repetition.Latency is null ? ".latency"
                    : repetition.Generator is null ? ".generator"
                    : repetition.Errors is null ? ".errors"
                    : string.IsNullOrEmpty(repetition.Histogram) ? ".histogram"
                    : null;
                if (field is not null)
                {
                    return Path("levels", l, "runs", r, "repetitions", i) + field + " is missing";
                }
            }
        }

        return null;
    }

    private static string Path(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    private static string Path(string first, int i, string second, int j) => $"{Path(first, i)}.{Path(second, j)}";

    private static string Path(string first, int i, string second, int j, string third, int k) => $"{Path(first, i, second, j)}.{Path(third, k)}";
}
