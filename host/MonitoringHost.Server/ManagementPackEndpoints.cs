using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Management packs (API.md "Management packs"): import one (<c>application/xml</c>) or several
/// (<c>multipart/form-data</c>, one file per pack) all or nothing, optionally only validating; list; details, or the
/// XML as imported (<c>Accept: application/xml</c>); delete. The work is <see cref="ManagementPackAdministration"/>'s.
/// </summary>
internal static class ManagementPackEndpoints
{

    /// <summary>What one request may carry: a few packs at the reader's size limit each.</summary>
    private const long MaxBodyBytes = 4 * ManagementPackReadOptions.DefaultMaxBytes;

    public static void MapManagementPacks(this WebApplication app, ManagementServer server)
    {
        app.MapPost("/api/v1/management-packs", async (HttpContext context, bool? validateOnly) =>
        {
            var (uploads, problem) = await ReadUploadsAsync(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var single = !context.Request.HasFormContentType;
            var result = await server.ManagementPacks.ImportAsync(uploads!, validateOnly ?? false, ApiAuth.Identity(context).Name, context.RequestAborted).ConfigureAwait(false);
            if (result.Outcome is not (PackChangeOutcome.Done or PackChangeOutcome.Validated))
            {
                return Refusal(result);
            }

            object body = single ? Imported(result.Packs[0]) : result.Packs.Select(Imported).ToList();
            return result.Outcome == PackChangeOutcome.Validated
                ? Results.Ok(body)
                : Results.Created(single ? $"/api/v1/management-packs/{result.Packs[0].Name}" : "/api/v1/management-packs", body);
        }).Answers<Sdk.Contracts.ManagementPackImported>(StatusCodes.Status201Created).Allow(ApiRole.Author);

        app.MapGet("/api/v1/management-packs", (int? limit, string? cursor) =>
        {
            if (Problems.BadLimit(limit) is { } badLimit)
            {
                return badLimit;
            }

            var take = limit ?? Problems.DefaultLimit;
            var page = server.ManagementPacks.List().Where(p => cursor is null || string.CompareOrdinal(p.Name, cursor) > 0).Take(take + 1).ToList();
            var items = page.Take(take).ToList();
            return Results.Ok(new
            {
                items = items.Select(p => new { id = p.Id, name = p.Name, displayName = p.DisplayName, version = p.Version.ToString(), @sealed = p.Sealed, origin = Origin(p), importedAt = p.ImportedAt?.UtcDateTime }),
                nextCursor = page.Count > take ? items[^1].Name : null,
            });
        }).Answers<Sdk.Contracts.ListPage<Sdk.Contracts.ManagementPackInfo>>().Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/management-packs/{name}", async (HttpContext context, string name) =>
        {
            if (server.ManagementPacks.Find(name) is not { } pack)
            {
                return Problems.NotFound($"there is no management pack '{name}'");
            }

            if (WantsXml(context.Request))
            {
                var xml = await server.ManagementPacks.ReadXmlAsync(name, context.RequestAborted).ConfigureAwait(false);
                return xml is null ? Problems.NotFound($"there is no management pack '{name}'") : Results.Bytes(xml, "application/xml");
            }

            return Results.Ok(new
            {
                id = pack.Id,
                name = pack.Name,
                displayName = pack.DisplayName,
                version = pack.Version.ToString(),
                @sealed = pack.Sealed,
                origin = Origin(pack),
                importedAt = pack.ImportedAt?.UtcDateTime,
                importedBy = pack.ImportedBy,
                elementCounts = pack.ElementCounts,
                references = pack.References.Select(r => new { alias = r.Alias, name = r.Name, version = r.Version.ToString(), publicKeyToken = r.PublicKeyToken }),
                referencedBy = pack.ReferencedBy,
            });
        }).Answers<Sdk.Contracts.ManagementPackInfo>().Allow(ApiAuth.Readers);

        app.MapDelete("/api/v1/management-packs/{name}", async (HttpContext context, string name) =>
        {
            var result = await server.ManagementPacks.DeleteAsync(name, context.RequestAborted).ConfigureAwait(false);
            return result.Outcome == PackChangeOutcome.Done ? Results.NoContent() : Refusal(result);
        }).Allow(ApiRole.Author);
    }

    /// <summary>The packs of the body: the body itself for XML, each file of a form; or the problem to answer with.</summary>
    private static async Task<(IReadOnlyList<PackUpload>? Uploads, IResult? Problem)> ReadUploadsAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"the body is {context.Request.ContentLength} bytes; at most {MaxBodyBytes} are taken"));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                var uploads = new List<PackUpload>();
                foreach (var file in form.Files)
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                    uploads.Add(new PackUpload(string.IsNullOrEmpty(file.FileName) ? file.Name : file.FileName, buffer.ToArray()));
                }

                return uploads.Count == 0
                    ? (null, Problems.Invalid("", "the form holds no file: send each management pack as a file part"))
                    : (uploads, null);
            }

            var type = context.Request.ContentType ?? "";
            if (!type.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase))
            {
                return (null, Problems.Result(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", "send one management pack as application/xml, or several as multipart/form-data"));
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            return ([new PackUpload("body", body.ToArray())], null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Result(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", $"at most {MaxBodyBytes} bytes are taken"));
        }
        catch (InvalidDataException e)
        {
            return (null, Problems.Invalid("", $"the form cannot be read: {e.Message}"));
        }
    }

    private static object Imported(ManagementPackInfo pack) => new
    {
        id = pack.Id,
        name = pack.Name,
        displayName = pack.DisplayName,
        version = pack.Version.ToString(),
        @sealed = pack.Sealed,
        elementCounts = pack.ElementCounts,
    };

    private static string Origin(ManagementPackInfo pack) => pack.Origin.ToString().ToLowerInvariant();

    private static bool WantsXml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || a.MediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase));

    private static IResult Refusal(PackChangeResult result)
    {
        var (status, title) = result.Outcome switch
        {
            PackChangeOutcome.NotFound => (StatusCodes.Status404NotFound, "Not Found"),
            PackChangeOutcome.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            PackChangeOutcome.NotValid => (StatusCodes.Status422UnprocessableEntity, "Unprocessable Entity"),
            _ => (StatusCodes.Status400BadRequest, "Bad Request"),
        };
        return Problems.WithErrors(status, title, result.Detail, result.Errors);
    }
}
