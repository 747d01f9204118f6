using System.Text.Json.Serialization;

namespace Warden.Cli.Audit;

/// <summary>One accepted fingerprint in a baseline file.</summary>
/// <param name="Fingerprint">See <see cref="Baseline.Fingerprint"/>.</param>
/// <param name="Count">How many findings share it.</param>
internal sealed record BaselineEntry(
    [property: JsonPropertyName("fingerprint")] string Fingerprint,
    [property: JsonPropertyName("count")] int Count);
