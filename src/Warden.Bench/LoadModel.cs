namespace Warden.Bench;

/// <summary>
/// The load to apply: the model and its levels. Build one with <see cref="Closed"/>, <see cref="Open"/> or
/// <see cref="Ramp"/>; it is immutable.
/// </summary>
public sealed record LoadModel
{
    private LoadModel(LoadModelKind kind, IReadOnlyList<double> levels, TimeSpan? slo)
    {
        Kind = kind;
        Levels = levels;
        Slo = slo;
    }

    /// <summary>The model.</summary>
    public LoadModelKind Kind { get; }

    /// <summary>Concurrent users (closed, ramp) or requests per second (open), one entry per level, in run order.</summary>
    public IReadOnlyList<double> Levels { get; }

    /// <summary>Ramp only: the p99 latency objective whose crossing marks the knee.</summary>
    public TimeSpan? Slo { get; }

    /// <summary>Closed model at each of the given concurrency levels.</summary>
    public static LoadModel Closed(params int[] users)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Length == 0 || users.Any(u => u < 1))
        {
            throw new ArgumentException("Give at least one concurrency level, each 1 or more.", nameof(users));
        }

        return new LoadModel(LoadModelKind.Closed, [.. users.Select(u => (double)u)], null);
    }

    /// <summary>Open model at each of the given arrival rates (requests per second).</summary>
    public static LoadModel Open(params double[] ratesPerSecond)
    {
        ArgumentNullException.ThrowIfNull(ratesPerSecond);
        if (ratesPerSecond.Length == 0 || ratesPerSecond.Any(r => !(r > 0) || double.IsInfinity(r)))
        {
            throw new ArgumentException("Give at least one rate, each above 0 requests per second.", nameof(ratesPerSecond));
        }

        return new LoadModel(LoadModelKind.Open, [.. ratesPerSecond], null);
    }

    /// <summary>
    /// Ramp from <paramref name="from"/> to <paramref name="to"/> users in <paramref name="steps"/> geometric
    /// steps (each step multiplies concurrency by the same factor, so low and high loads get equal attention).
    /// </summary>
    public static LoadModel Ramp(int from, int to, int steps, TimeSpan? slo = null)
    {
        if (from < 1 || to <= from)
        {
            throw new ArgumentException($"A ramp needs 1 <= FROM < TO, got {from}..{to}.", nameof(from));
        }

        if (steps < 2)
        {
            throw new ArgumentException("A ramp needs at least 2 steps.", nameof(steps));
        }

        var factor = Math.Pow((double)to / from, 1.0 / (steps - 1));
        var levels = new List<double>();
        for (var i = 0; i < steps; i++)
        {
            var users = i == steps - 1 ? to : (int)Math.Round(from * Math.Pow(factor, i));
            if (levels.Count == 0 || users > levels[^1])
            {
                levels.Add(users);
            }
        }

        return new LoadModel(LoadModelKind.Ramp, levels, slo);
    }
}
