using Warden.Bench;
using Warden.Bench.Http;

namespace Warden.Cli.Commands.Bench;

/// <summary>The validated settings of <c>warden bench http</c>.</summary>
/// <param name="A">The request to the first URL.</param>
/// <param name="B">The request to the <c>--vs</c> URL, if any.</param>
/// <param name="Options">The engine's run configuration.</param>
/// <param name="Connections">The most connections per target.</param>
/// <param name="Out">Where to write the result, if anywhere.</param>
/// <param name="CommandLine">The command as typed, recorded in the result.</param>
internal sealed record BenchHttpSettings(HttpRequestSpec A, HttpRequestSpec? B, BenchOptions Options, int Connections, string? Out, string CommandLine);
