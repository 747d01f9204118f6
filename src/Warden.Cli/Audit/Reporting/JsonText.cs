using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Warden.Cli.Audit.Reporting;

/// <summary>Writes a JSON document with <see cref="Utf8JsonWriter"/> and returns it as a string.</summary>
internal static class JsonText
{
    /// <summary>Runs <paramref name="write"/> against an indented writer and returns the UTF-8 text.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The lower-case severity name used in JSON and HTML.</summary>
    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };
}
