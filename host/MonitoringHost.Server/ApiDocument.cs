using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MonitoringHost.Server;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (API.md): titled, versioned, and saying that every operation
/// under <c>/api/v1</c> except the health check takes an API key as a bearer token.
/// </summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    private const string Scheme = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "MonitoringHost SDK";
        document.Info.Version = "v1";
        document.Info.Description = "Management packs, objects, health, alerts and maintenance of a MonitoringHost management server. " +
            "Send an API key as 'Authorization: Bearer <key>' (mh keys create); /api/v1/health and /metrics need none.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key made with 'mh keys create --role <role> --name <name>'.",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || path == "/api/v1/health" || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security = [requirement];
            }
        }

        return Task.CompletedTask;
    }
}
