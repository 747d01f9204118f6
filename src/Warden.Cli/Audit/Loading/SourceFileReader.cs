using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace Warden.Cli.Audit.Loading;

/// <summary>Reads one source file defensively: size limit, binary detection, unreadable files.</summary>
internal static class SourceFileReader
{
    private const int BinaryProbeBytes = 8000;

    /// <summary>Reads <paramref name="path"/>; returns the text, or null and the reason it was skipped.</summary>
    public static async Task<(SourceText? Text, string? SkipReason)> ReadAsync(string path, AuditLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > limits.MaxFileBytes)
            {
                return (null, $"larger than the {limits.MaxFileBytes / 1024} KiB limit ({length / 1024} KiB); raise --max-file-size to audit it");
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, BinaryProbeBytes)) >= 0)
            {
                return (null, "binary content (NUL bytes), not C# source");
            }

            // Detects a BOM, else UTF-8 (the SDK's default), with a checksum as the compiler computes one.
            return (SourceText.From(bytes, bytes.Length, Encoding.UTF8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false, canBeEmbedded: false), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"unreadable ({ex.Message})");
        }
    }
}
