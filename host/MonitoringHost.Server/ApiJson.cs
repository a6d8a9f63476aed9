using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MonitoringHost.Server;

/// <summary>
/// Request bodies: JSON (camelCase) read strictly — unknown fields, wrong types and bad JSON are refused with a 400
/// problem document naming the field and the line; a body over <see cref="MaxBodyBytes"/> is 413. Nothing is changed
/// by a refused request, since a body is read whole before anything is done.
/// </summary>
internal static class ApiJson
{
    public const long MaxBodyBytes = 1024 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

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
