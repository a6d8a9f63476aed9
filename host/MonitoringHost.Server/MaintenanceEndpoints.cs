using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Sdk.Contracts;
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
            var (body, problem) = await ApiJson.ReadAsync<MaintenanceStart>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new List<ProblemError>();
            if (!Enum.TryParse<MaintenanceReason>(body!.Reason, ignoreCase: false, out var reason) || !Enum.IsDefined(reason) || int.TryParse(body.Reason, out _))
            {
                errors.Add(new ProblemError("invalid", $"reason must be one of {string.Join(", ", Enum.GetNames<MaintenanceReason>())}; it was '{body.Reason}'") { Path = "reason" });
            }

            if ((body.Until is null) == (body.DurationMinutes is null) || body.DurationMinutes is <= 0)
            {
                errors.Add(new ProblemError("invalid", "give either until (a time in the future) or durationMinutes (a positive number)") { Path = body.Until is null ? "durationMinutes" : "until" });
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var until = body.Until ?? server.Options.Time.GetUtcNow().AddMinutes(body.DurationMinutes!.Value);
            return await RunAsync(() => server.Engine.StartMaintenanceAsync(id, until, reason, body.Comment, ApiAuth.Identity(context).Name, body.Recursive ?? true),
                change => Results.Created($"/api/v1/objects/{id}/maintenance", new MaintenanceStarted(change.Entered))).ConfigureAwait(false);
        }).Reads<Sdk.Contracts.MaintenanceStart>().Answers<Sdk.Contracts.MaintenanceStarted>(StatusCodes.Status201Created).Allow(ApiRole.Operator);

        app.MapMethods("/api/v1/objects/{id:guid}/maintenance", ["PATCH"], async (HttpContext context, Guid id) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<MaintenanceUpdate>(context).ConfigureAwait(false);
            return problem ?? await RunAsync(() => server.Engine.ChangeMaintenanceAsync(id, body!.Until, body.Comment, ApiAuth.Identity(context).Name),
                _ => Results.Ok(new MaintenanceChanged(id))).ConfigureAwait(false);
        }).Reads<Sdk.Contracts.MaintenanceUpdate>().Answers<Sdk.Contracts.MaintenanceChanged>().Allow(ApiRole.Operator);

        app.MapDelete("/api/v1/objects/{id:guid}/maintenance", (HttpContext context, Guid id) =>
            RunAsync(() => server.Engine.StopMaintenanceAsync(id, ApiAuth.Identity(context).Name), change => Results.Ok(new MaintenanceStopped(change.Left))))
            .Answers<Sdk.Contracts.MaintenanceStopped>().Allow(ApiRole.Operator);

        app.MapGet("/api/v1/maintenance", async () =>
            Results.Ok(new ItemList<Sdk.Contracts.MaintenanceWindow>([.. (await server.Engine.MaintenanceAsync().ConfigureAwait(false)).OrderBy(w => w.ObjectId).Select(w =>
                new Sdk.Contracts.MaintenanceWindow(w.ObjectId, w.RootObjectId, w.Start, w.Until, w.Reason.ToString(), w.Comment, w.By, w.Recursive))])))
            .Answers<Sdk.Contracts.ItemList<Sdk.Contracts.MaintenanceWindow>>().Allow(ApiAuth.Readers);
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
}
