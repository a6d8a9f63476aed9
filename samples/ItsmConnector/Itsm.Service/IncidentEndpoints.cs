using System.Globalization;
using System.Text.Json;

namespace Itsm.Service;

/// <summary><c>/incidents</c>: open, list, read and change incidents.</summary>
internal static class IncidentEndpoints
{
    private const int MaxTitle = 200;
    private static readonly string[] Levels = ["Low", "Medium", "High"];

    public static void Map(WebApplication app)
    {
        app.MapPost("/incidents", async (HttpContext context, IncidentStore store) =>
        {
            var (request, problem) = await ReadAsync<NewIncident>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (string.IsNullOrWhiteSpace(request!.Title) || request.Title.Length > MaxTitle)
            {
                return Invalid("$.title", $"a title of 1 to {MaxTitle} characters is required");
            }

            foreach (var (path, level) in new[] { ("$.urgency", request.Urgency), ("$.impact", request.Impact) })
            {
                if (!IsLevel(level))
                {
                    return Invalid(path, $"'{level}' is not one of {string.Join(", ", Levels)}");
                }
            }

            var incident = store.Open(request);
            return Results.Created($"/incidents/{incident.Id}", incident);
        });

        app.MapGet("/incidents", (IncidentStore store, string? changedAfter, string? sourceAlertId, string? status) =>
        {
            var errors = new Dictionary<string, string[]>();
            long after = 0;
            if (changedAfter is not null && !long.TryParse(changedAfter, NumberStyles.None, CultureInfo.InvariantCulture, out after))
            {
                errors["changedAfter"] = [$"'{changedAfter}' is not a change sequence (a whole number, 0 or more)"];
            }

            IncidentStatus? wanted = null;
            if (status is not null)
            {
                if (Enum.TryParse<IncidentStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, CultureInfo.InvariantCulture, out _))
                {
                    wanted = parsed;
                }
                else
                {
                    errors["status"] = [$"'{status}' is not a status (New, Active, Resolved, Closed)"];
                }
            }

            return errors.Count > 0
                ? Results.ValidationProblem(errors)
                : Results.Ok(new { items = store.List(after, sourceAlertId, wanted) });
        });

        app.MapGet("/incidents/{id}", (IncidentStore store, string id) =>
            store.Get(id) is { } incident ? Results.Ok(incident) : NotFound(id));

        app.MapPatch("/incidents/{id}", async (HttpContext context, IncidentStore store, string id) =>
        {
            var (change, problem) = await ReadAsync<IncidentChange>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            try
            {
                return store.Change(id, change!) is { } incident ? Results.Ok(incident) : NotFound(id);
            }
            catch (IncidentClosedException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: e.Message);
            }
        });
    }

    /// <summary>A JSON body of <typeparamref name="T"/>, or the problem saying where it is wrong.</summary>
    private static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context)
        where T : class
    {
        if (context.Request.HasJsonContentType() is false)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type", detail: "the body must be JSON (Content-Type: application/json)"));
        }

        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, ItsmServiceApp.Json, context.RequestAborted).ConfigureAwait(false);
            return body is null ? (null, Invalid("$", "a JSON object is required")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(e.Path ?? "$", e.Message));
        }
    }

    /// <summary>Urgency and impact: none, or Low, Medium or High.</summary>
    private static bool IsLevel(string? level) => level is null || Levels.Contains(level, StringComparer.OrdinalIgnoreCase);

    private static IResult Invalid(string path, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [path] = [message] });

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"there is no incident {id}");
}
