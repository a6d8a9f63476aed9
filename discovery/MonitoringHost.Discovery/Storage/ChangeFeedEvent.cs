using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MonitoringHost.Discovery.Storage;

/// <summary>
/// One change for the feed, written in the same transaction as the change itself. <see cref="Kind"/> is
/// <c>object.added</c>, <c>object.changed</c>, <c>object.removed</c>, <c>relationship.added</c>,
/// <c>relationship.removed</c> (later: health, alert and maintenance kinds); the payload is one JSON object.
/// A payload can be given as text or as a function that writes it: the store then writes it straight into its own
/// buffer as it writes the row, so a 100,000-object change does not hold 100,000 payload strings.
/// </summary>
public sealed class ChangeFeedEvent
{
    /// <summary>How payloads are written: the text goes to a database column, never into HTML, so non-ASCII stays as it is.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string? _text;
    private readonly Action<Utf8JsonWriter>? _writeMembers;

    public ChangeFeedEvent(string kind, Guid subjectId, DateTimeOffset time, string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        (Kind, SubjectId, Time, _text) = (kind, subjectId, time, payload);
    }

    /// <param name="writeMembers">Writes the payload object's members (the store writes the braces around them).</param>
    public ChangeFeedEvent(string kind, Guid subjectId, DateTimeOffset time, Action<Utf8JsonWriter> writeMembers)
    {
        ArgumentNullException.ThrowIfNull(writeMembers);
        (Kind, SubjectId, Time, _writeMembers) = (kind, subjectId, time, writeMembers);
    }

    public string Kind { get; }

    public Guid SubjectId { get; }

    public DateTimeOffset Time { get; }

    /// <summary>The payload as text.</summary>
    public string Payload
    {
        get
        {
            if (_text is not null)
            {
                return _text;
            }

            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                WritePayload(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>Writes the payload, one JSON object, through <paramref name="writer"/>.</summary>
    public void WritePayload(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_text is not null)
        {
            writer.WriteRawValue(_text, skipInputValidation: true);
            return;
        }

        writer.WriteStartObject();
        _writeMembers!(writer);
        writer.WriteEndObject();
    }
}
