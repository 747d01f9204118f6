using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warden.Bench.Results;

/// <summary>Reads and writes result files (JSON, camelCase, enums as strings).</summary>
public static class BenchResultFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The result as JSON text.</summary>
    public static string ToJson(BenchResult result) => JsonSerializer.Serialize(result, Options);

    /// <summary>Writes the result to <paramref name="path"/> through a temporary file, so a failed write leaves nothing half-written.</summary>
    public static async Task WriteAsync(BenchResult result, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        await File.WriteAllTextAsync(temporary, ToJson(result), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>
    /// Parses a result; throws <see cref="BenchResultFormatException"/> naming <paramref name="source"/> and what is wrong:
    /// not JSON, another schema, or a field that is missing, null or empty where a result always has data.
    /// </summary>
    public static BenchResult Parse(string json, string source)
    {
        BenchResult? result;
        try
        {
            result = JsonSerializer.Deserialize<BenchResult>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new BenchResultFormatException($"{source} is not a warden bench result: {ex.Message}", ex);
        }

        if (result is null)
        {
            throw new BenchResultFormatException($"{source} is empty; expected a warden bench result (JSON written by --out).");
        }

        if (result.Schema != BenchResult.CurrentSchema)
        {
            throw new BenchResultFormatException($"{source} has schema '{result.Schema}'; this warden reads '{BenchResult.CurrentSchema}'.");
        }

        BenchResultShape.Check(result, source);
        return result;
    }

    /// <summary>Reads a result file.</summary>
    public static async Task<BenchResult> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(json, path);
    }
}
