using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using MonitoringHost.Sdk;

namespace MonitoringHost.Server;

/// <summary>
/// Request bodies: JSON (camelCase, the Sdk's contract types) read strictly — unknown fields, wrong types and bad JSON are refused with a 400
/// problem document naming the field and the line; a body over <see cref="MaxBodyBytes"/> is 413. Nothing is changed
/// by a refused request, since a body is read whole before anything is done.
/// </summary>
internal static class ApiJson
{
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>The API's strict request options, shared with the clients (<see cref="MonitoringHostJson.Options"/>).</summary>
    public static JsonSerializerOptions Options => MonitoringHostJson.Options;

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer with.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"the body is {context.Request.ContentLength} bytes; at most {MaxBodyBytes} are taken"));
        }

        // A body of unknown length (chunked) is cut off at the limit while it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", "the body must be application/json"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Options, context.RequestAborted).ConfigureAwait(false);
            return value is null
                ? (null, Problems.Invalid("", "the body is empty or null"))
                : (value, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.Invalid(e.Path ?? "", e.Message, e.LineNumber + 1));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"at most {MaxBodyBytes} bytes are taken"));
        }
    }
}
