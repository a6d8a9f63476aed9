using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MonitoringHost.Server;

/// <summary>
/// What an endpoint reads and answers, for the OpenAPI document: the handlers read their bodies themselves (strictly,
/// see <see cref="ApiJson"/>), so the contract types are named here.
/// </summary>
internal static class ApiDescriptions
{
    /// <summary>
    /// The endpoint takes a JSON <typeparamref name="T"/>; a bad, oversize or non-JSON body is a problem document. The
    /// body is described in the document only: an <c>Accepts</c> constraint would let routing refuse a wrong content
    /// type with a bare 415 before the handler can say what is wrong.
    /// </summary>
    public static RouteHandlerBuilder Reads<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken).ConfigureAwait(false);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
                };
            })
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// The endpoint answers a <c>text/event-stream</c> of <typeparamref name="T"/> (each event's <c>data:</c> line);
    /// a bad parameter, a missing key or role is a problem document.
    /// </summary>
    public static RouteHandlerBuilder Streams<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<T>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The endpoint answers <typeparamref name="T"/> with <paramref name="status"/>; a missing key or role is a problem document.</summary>
    public static RouteHandlerBuilder Answers<T>(this RouteHandlerBuilder endpoint, int status = StatusCodes.Status200OK) =>
        endpoint.Produces<T>(status)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
