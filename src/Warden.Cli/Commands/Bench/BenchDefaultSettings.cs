using Warden.Bench;

namespace Warden.Cli.Commands.Bench;

/// <summary>The validated settings of <c>warden bench</c> with no subcommand.</summary>
/// <param name="Options">The engine's run configuration.</param>
/// <param name="LatencyMs">The Storefront's fake downstream latency.</param>
/// <param name="Out">Where to write the result.</param>
/// <param name="CommandLine">The command as typed.</param>
internal sealed record BenchDefaultSettings(BenchOptions Options, int LatencyMs, string? Out, string CommandLine);
