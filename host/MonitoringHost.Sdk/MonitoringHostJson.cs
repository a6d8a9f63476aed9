using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitoringHost.Sdk;

/// <summary>
/// The JSON of the API, shared by the server and its clients: camelCase, enums as their SCOM numbers, times as ISO
/// 8601 UTC (<c>2026-11-30T10:00:00Z</c>), nullable annotations and required constructor parameters respected.
/// </summary>
public static class MonitoringHostJson
{
    /// <summary>
    /// For request bodies: strict. A field the contract does not have, a wrong type, a missing required field or a null
    /// where none is allowed is refused, with the field's path and line.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Frozen(strict: true);

    /// <summary>
    /// For reading answers: like <see cref="Options"/>, but fields the contract does not know are skipped, since the
    /// server may add fields (API.md: add freely, never rename or drop).
    /// </summary>
    public static JsonSerializerOptions Tolerant { get; } = Frozen(strict: false);

    /// <summary>Sets the API's conventions on <paramref name="options"/> (e.g. ASP.NET Core's HTTP JSON options).</summary>
    /// <param name="options">The options to change.</param>
    /// <param name="strict">Whether unknown fields are refused.</param>
    public static void Apply(JsonSerializerOptions options, bool strict)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = strict ? JsonUnmappedMemberHandling.Disallow : JsonUnmappedMemberHandling.Skip;
        if (!options.Converters.OfType<UtcTimeConverter>().Any())
        {
            options.Converters.Add(new UtcTimeConverter());
        }
    }

    private static JsonSerializerOptions Frozen(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options, strict);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
