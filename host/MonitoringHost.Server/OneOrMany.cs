using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitoringHost.Server;

/// <summary>
/// A body that is one item (a JSON object) or several (a JSON array of them): <c>POST /alerts</c> takes either, so that
/// a client with many alerts at once has them committed together.
/// </summary>
[JsonConverter(typeof(OneOrManyConverterFactory))]
internal sealed record OneOrMany<T>(IReadOnlyList<T> Items, bool IsMany);

internal sealed class OneOrManyConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(OneOrMany<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OneOrManyConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OneOrManyConverter<T> : JsonConverter<OneOrMany<T>>
    {
        public override OneOrMany<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.StartArray
                ? new OneOrMany<T>(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? [], IsMany: true)
                : new OneOrMany<T>([JsonSerializer.Deserialize<T>(ref reader, options) ?? throw new JsonException("the body is null")], IsMany: false);

        public override void Write(Utf8JsonWriter writer, OneOrMany<T> value, JsonSerializerOptions options) =>
            throw new NotSupportedException("a request body is only read");
    }
}
