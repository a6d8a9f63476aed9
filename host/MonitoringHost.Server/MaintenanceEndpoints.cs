using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Maintenance mode (API.md "Maintenance mode"): start (until or a duration, one of SCOM's reasons, recursive by
/// default), change, stop, list. Effective at once: the call returns once the objects are in (or out of) maintenance
/// and it is durable.
/// </summary>
internal static class MaintenanceEndpoints
{
    public static void MapMaintenance(this WebApplication app, ManagementServer server)
    {
        app.MapPost("/api/v1/objects/{id:guid}/maintenance", async (HttpContext context, Guid id) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<StartBody>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new List<object>();
            if (!Enum.TryParse<MaintenanceReason>(body!.Reason, ignoreCase: false, out var reason) || !Enum.IsDefined(reason) || int.TryParse(body.Reason, out _))
            {
                errors.Add(new { path = "reason", code = "invalid", message = $"reason must be one of {string.Join(", ", Enum.GetNames<MaintenanceReason>())}; it was '{body.Reason}'" });
            }

            if ((body.Until is null) == (body.DurationMinutes is null) || body.DurationMinutes is <= 0)
            {
                errors.Add(new { path = body.Until is null ? "durationMinutes" : "until", code = "invalid", message = "give either until (a time in the future) or durationMinutes (a positive number)" });
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var until = body.Until ?? server.Options.Time.GetUtcNow().AddMinutes(body.DurationMinutes!.Value);
            return await RunAsync(() => server.Engine.StartMaintenanceAsync(id, until, reason, body.Comment, ApiAuth.Identity(context).Name, body.Recursive ?? true),
                change => Results.Created($"/api/v1/objects/{id}/maintenance", new { entered = change.Entered })).ConfigureAwait(false);
        }).Allow(ApiRole.Operator);

        app.MapMethods("/api/v1/objects/{id:guid}/maintenance", ["PATCH"], async (HttpContext context, Guid id) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<ChangeBody>(context).ConfigureAwait(false);
            return problem ?? await RunAsync(() => server.Engine.ChangeMaintenanceAsync(id, body!.Until, body.Comment, ApiAuth.Identity(context).Name),
                _ => Results.Ok(new { objectId = id })).ConfigureAwait(false);
        }).Allow(ApiRole.Operator);

        app.MapDelete("/api/v1/objects/{id:guid}/maintenance", (HttpContext context, Guid id) =>
            RunAsync(() => server.Engine.StopMaintenanceAsync(id, ApiAuth.Identity(context).Name), change => Results.Ok(new { left = change.Left })))
            .Allow(ApiRole.Operator);

        app.MapGet("/api/v1/maintenance", async () =>
            Results.Ok(new
            {
                items = (await server.Engine.MaintenanceAsync().ConfigureAwait(false)).OrderBy(w => w.ObjectId).Select(w => new
                {
                    objectId = w.ObjectId,
                    rootObjectId = w.RootObjectId,
                    start = w.Start.UtcDateTime,
                    until = w.Until.UtcDateTime,
                    reason = w.Reason.ToString(),
                    comment = w.Comment,
                    by = w.By,
                    recursive = w.Recursive,
                }),
            })).Allow(ApiAuth.Readers);
    }

    /// <summary>Runs a maintenance request; its refusals become 404, 400 or 409 with the reason.</summary>
    private static async Task<IResult> RunAsync(Func<Task<MaintenanceChange>> request, Func<MaintenanceChange, IResult> ok)
    {
        try
        {
            return ok(await request().ConfigureAwait(false));
        }
        catch (MaintenanceException e)
        {
            return e.Error switch
            {
                MaintenanceError.UnknownObject or MaintenanceError.NotInMaintenance => Problems.NotFound(e.Message),
                MaintenanceError.Conflict => Problems.Conflict(e.Message),
                _ => Problems.Invalid("", e.Message),
            };
        }
    }

    private sealed record StartBody(string Reason, DateTimeOffset? Until = null, double? DurationMinutes = null, string? Comment = null, bool? Recursive = null);

    private sealed record ChangeBody(DateTimeOffset? Until = null, string? Comment = null);
}
