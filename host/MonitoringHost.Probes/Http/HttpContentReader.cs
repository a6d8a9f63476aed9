using System.Buffers;
using System.Text;

namespace MonitoringHost.Probes.Http;

/// <summary>Reads a response body up to the request's limit, and matches it when asked.</summary>
internal static class HttpContentReader
{
    public static async Task ReadAsync(HttpContent content, HttpCheckRequest request, Exchange exchange, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(request.MaxContentBytes);
            try
            {
                var length = 0;
                int read;
                while (length < request.MaxContentBytes
                       && (read = await stream.ReadAsync(buffer.AsMemory(length, request.MaxContentBytes - length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                exchange.ContentBytes = length;
                if (request.MatchesContent)
                {
                    var text = EncodingOf(content).GetString(buffer, 0, length);
                    exchange.ContentMatched = request.ContentPattern is { } pattern
                        ? pattern.IsMatch(text)
                        : text.Contains(request.ContentSubstring!, StringComparison.Ordinal);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    // The charsets servers name in practice; anything else is read as UTF-8, the web's default.
    private static Encoding EncodingOf(HttpContent content) =>
        content.Headers.ContentType?.CharSet?.Trim('"').ToUpperInvariant() switch
        {
            "ISO-8859-1" or "LATIN1" or "WINDOWS-1252" => Encoding.Latin1,
            "US-ASCII" or "ASCII" => Encoding.ASCII,
            "UTF-16" or "UTF-16LE" => Encoding.Unicode,
            "UTF-16BE" => Encoding.BigEndianUnicode,
            _ => Encoding.UTF8,
        };
}
