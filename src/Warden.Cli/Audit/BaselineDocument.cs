using System.Text.Json.Serialization;

namespace Warden.Cli.Audit;

/// <summary>The JSON shape of a baseline file.</summary>
/// <param name="Version">Always <see cref="Baseline.FormatVersion"/>.</param>
/// <param name="Findings">Accepted fingerprints with their counts.</param>
internal sealed record BaselineDocument(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("findings")] IReadOnlyList<BaselineEntry>? Findings);
