using Warden.Bench.Engine;
using Warden.Bench.Results;

namespace Warden.Bench;

/// <summary>
/// The entry points of the engine. <see cref="CompareAsync(Func{CancellationToken, ValueTask}, Func{CancellationToken, ValueTask}, BenchOptions, CancellationToken)"/>
/// runs two delegates at identical load and says whether B is Faster, Slower, the Same or Inconclusive
/// against A; <see cref="RunAsync"/> runs any one or two targets (the CLI passes HTTP targets).
/// </summary>
public static class Bench
{
    /// <summary>Runs A and B (two in-process operations) interleaved at the options' load and compares them.</summary>
    /// <param name="a">The baseline operation.</param>
    /// <param name="b">The candidate operation.</param>
    /// <param name="options">Load, durations, repetitions, threshold.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static Task<BenchResult> CompareAsync(
        Func<CancellationToken, ValueTask> a,
        Func<CancellationToken, ValueTask> b,
        BenchOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return RunAsync([new DelegateTarget("A", a), new DelegateTarget("B", b)], options, commandLine: null, cancellationToken);
    }

    /// <summary>Runs one target, or two compared as A and B.</summary>
    /// <param name="targets">One or two targets.</param>
    /// <param name="options">Load, durations, repetitions, threshold.</param>
    /// <param name="commandLine">Recorded in the result, when known.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static Task<BenchResult> RunAsync(IReadOnlyList<IBenchTarget> targets, BenchOptions options, string? commandLine = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        return new BenchRunner(options).RunAsync(targets, commandLine, cancellationToken);
    }
}
