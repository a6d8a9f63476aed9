using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Storage;

/// <summary>
/// An object's properties as stored: one JSON object of property ID to text, in ordinal key order, non-ASCII kept
/// readable. One instance per commit or load, so buffers are reused across rows; not thread-safe.
/// </summary>
internal sealed class PropertiesJson : IDisposable
{
    private const string EmptyObject = "{}";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The text goes to a database column, never into HTML: keep non-ASCII characters as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly List<KeyValuePair<string, string>> _pairs = [];
    private readonly SharedStrings _names;
    private readonly bool _ownsNames;
    private byte[] _input = ArrayPool<byte>.Shared.Rent(1024);
    private char[] _chars = ArrayPool<char>.Shared.Rent(256);

    /// <param name="names">Where property names read are shared; null when only writing.</param>
    public PropertiesJson(SharedStrings? names = null)
    {
        _writer = new Utf8JsonWriter(_output, WriterOptions);
        _ownsNames = names is null;
        _names = names ?? new SharedStrings();
    }

    public string Write(ObjectProperties properties) =>
        properties.Count == 0 ? EmptyObject : Encoding.UTF8.GetString(WriteUtf8(properties));

    /// <summary>The JSON as UTF-8, valid until the next call.</summary>
    public ReadOnlySpan<byte> WriteUtf8(ObjectProperties properties)
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        Write(properties, _writer);
        _writer.Flush();
        return _output.WrittenSpan;
    }

    /// <summary>Writes the properties as one JSON object through <paramref name="writer"/>.</summary>
    public static void Write(ObjectProperties properties, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    public ObjectProperties Read(string json)
    {
        if (json.Length <= 2 && string.Equals(json, EmptyObject, StringComparison.Ordinal))
        {
            return ObjectProperties.Empty;
        }

        var byteCount = Encoding.UTF8.GetMaxByteCount(json.Length);
        if (_input.Length < byteCount)
        {
            ArrayPool<byte>.Shared.Return(_input);
            _input = ArrayPool<byte>.Shared.Rent(byteCount);
        }

        var length = Encoding.UTF8.GetBytes(json, _input);
        return Read(_input.AsSpan(0, length));
    }

    public ObjectProperties Read(ReadOnlySpan<byte> json)
    {
        if (json.Length == 2 && json[0] == (byte)'{' && json[1] == (byte)'}')
        {
            return ObjectProperties.Empty;
        }

        var reader = new Utf8JsonReader(json);
        _pairs.Clear();
        Expect(ref reader, JsonTokenType.StartObject);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = SharedName(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                _pairs.Add(new KeyValuePair<string, string>(name, reader.GetString()!));
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                throw new InvalidDataException($"stored properties hold a {reader.TokenType} for '{name}' where text was expected: {Encoding.UTF8.GetString(json)}");
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new InvalidDataException($"stored properties are not a JSON object of texts: {Encoding.UTF8.GetString(json)}");
        }

        return ObjectProperties.From(_pairs);
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (_ownsNames)
        {
            _names.Dispose();
        }

        ArrayPool<byte>.Shared.Return(_input);
        ArrayPool<char>.Shared.Return(_chars);
        _input = [];
        _chars = [];
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new InvalidDataException($"stored properties are not a JSON object (found {reader.TokenType})");
        }
    }

    // A million objects share a few hundred property names: keep one string per name.
    private string SharedName(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (_chars.Length < length)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(length);
        }

        return _names.Get(_chars.AsSpan(0, reader.CopyString(_chars)));
    }
}
