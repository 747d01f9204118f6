using HdrHistogram;
using HdrHistogram.Utilities;

namespace Warden.Bench.Results;

/// <summary>
/// Encodes histograms as HdrHistogram's compressed V2 format in base64: the same bytes every HdrHistogram port
/// reads, so results can be merged and re-analysed with other tools.
/// </summary>
public static class HistogramCodec
{
    /// <summary>Encodes a histogram.</summary>
    public static string Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        buffer.Position = 0;
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes a histogram; throws <see cref="FormatException"/> when the text is not one.</summary>
    public static HistogramBase Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        try
        {
            var bytes = Convert.FromBase64String(encoded);
            return HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), 0);
        }
        catch (Exception ex) when (ex is not FormatException and not OutOfMemoryException)
        {
            throw new FormatException("The text is not an HdrHistogram in compressed V2 base64 encoding.", ex);
        }
    }
}
