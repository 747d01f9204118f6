namespace Warden.Cli.Commands.Bench;

/// <summary>The validated settings of <c>warden bench compare</c>.</summary>
/// <param name="BasePath">The baseline result file.</param>
/// <param name="NewPath">The new result file.</param>
/// <param name="Threshold">The smallest relative difference that matters.</param>
/// <param name="FailOnRegression">Exit 1 on a regression beyond the threshold.</param>
internal sealed record BenchCompareSettings(string BasePath, string NewPath, double Threshold, bool FailOnRegression);
