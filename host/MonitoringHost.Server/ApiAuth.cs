using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// API keys (API.md "Auth"): every endpoint under <c>/api/v1</c> except <c>/api/v1/health</c> needs
/// <c>Authorization: Bearer &lt;key&gt;</c> (401 without a valid one) and a role the endpoint allows (403 otherwise);
/// Administrator may do everything. Both refusals are problem documents that say what is missing.
/// </summary>
internal static class ApiAuth
{
    private const string IdentityKey = "mh.identity";

    /// <summary>The roles that may read: everyone but connectors, which read through their own endpoints.</summary>
    public static readonly ApiRole[] Readers = [ApiRole.Administrator, ApiRole.Author, ApiRole.Operator, ApiRole.ReadOnlyOperator];

    public static void UseApiKeys(this WebApplication app, ApiKeyStore keys)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/api/v1", StringComparison.Ordinal) || path.Equals("/api/v1/health", StringComparison.Ordinal))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var header = context.Request.Headers.Authorization.ToString();
            var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : null;
            var identity = string.IsNullOrEmpty(key) ? null : await keys.AuthenticateAsync(key, context.RequestAborted).ConfigureAwait(false);
            if (identity is null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await Problems.Write(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                    key is null ? "this endpoint needs an API key: Authorization: Bearer <key> (mh keys create)" : "the API key is not known or has been revoked").ConfigureAwait(false);
                return;
            }

            context.Items[IdentityKey] = identity;
            await next(context).ConfigureAwait(false);
        });
    }

    /// <summary>Lets only keys with one of <paramref name="roles"/> (or Administrator) through.</summary>
    public static TBuilder Allow<TBuilder>(this TBuilder endpoint, params ApiRole[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var identity = Identity(context.HttpContext);
            if (identity.Role != ApiRole.Administrator && !roles.Contains(identity.Role))
            {
                return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                    $"this needs one of the roles {string.Join(", ", roles.Prepend(ApiRole.Administrator).Distinct())}; the key '{identity.Name}' has the role {identity.Role}");
            }

            return await next(context).ConfigureAwait(false);
        });

    public static ApiKeyIdentity Identity(HttpContext context) =>
        context.Items[IdentityKey] as ApiKeyIdentity ?? throw new InvalidOperationException("the request passed no API key check");
}

/// <summary>RFC 7807 problem documents (API.md "Errors"), as the Sdk's <see cref="Problem"/>.</summary>
internal static class Problems
{
    private const string ContentType = "application/problem+json";

    public static IResult Result(int status, string title, string detail) =>
        Results.Json(new Problem(title, status, detail), contentType: ContentType, statusCode: status);

    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Result(status, title, detail).ExecuteAsync(context);

    /// <summary>One invalid field of a JSON body: its path and what is wrong with it.</summary>
    public static ProblemError Field(string path, string message) => new("invalid", message) { Path = path };

    /// <summary>400 with the problems found, each with where it is (a JSON path, a line when known) and what is wrong.</summary>
    public static IResult Invalid(string path, string message, long? line = null) =>
        Invalid([Field(path, message) with { Line = line }]);

    public static IResult Invalid(IEnumerable<ProblemError> errors, string? detail = null)
    {
        var list = errors.ToList();
        return Results.Json(
            new Problem("Bad Request", StatusCodes.Status400BadRequest, detail ?? $"{list.Count} problem(s) in the request") { Errors = list },
            contentType: ContentType, statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>A problem document with its status and the problems found, each with where and what.</summary>
    public static IResult WithErrors(int status, string title, string detail, IEnumerable<object> errors) =>
        Results.Json(new { title, status, detail, errors = errors.ToList() }, contentType: "application/problem+json", statusCode: status);

    /// <summary>The page size a list takes when none is given (API.md "Lists").</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page size a list takes.</summary>
    public const int MaxLimit = 5_000;

    /// <summary>400 when <paramref name="limit"/> is outside 1–<see cref="MaxLimit"/>; null when it is fine or not given.</summary>
    public static IResult? BadLimit(int? limit) => limit is < 1 or > MaxLimit
        ? Result(StatusCodes.Status400BadRequest, "Bad Request", $"limit must be from 1 to {MaxLimit} (it was {limit})")
        : null;

    public static IResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, "Not Found", detail);

    public static IResult Conflict(string detail) => Result(StatusCodes.Status409Conflict, "Conflict", detail);
}
