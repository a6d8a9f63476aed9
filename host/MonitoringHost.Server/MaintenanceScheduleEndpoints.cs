using System.Collections.Immutable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Sdk.Contracts;
using MaintenanceSchedule = MonitoringHost.Runtime.Maintenance.MaintenanceSchedule;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Recurring maintenance (API.md "Maintenance mode", <c>/maintenance-schedules</c>): a cron expression or an RRULE in
/// an IANA time zone, a duration and the objects it puts into maintenance. A schedule is checked whole (recurrence,
/// time zone, duration, reason, every target) before it is stored; once stored, the engine follows the new set at
/// once, so an occurrence already under way starts when the call returns.
/// </summary>
internal static class MaintenanceScheduleEndpoints
{
    private const string Path = "/api/v1/maintenance-schedules";

    public static void MapMaintenanceSchedules(this WebApplication app, ManagementServer server)
    {
        // Writes are serialised so that the set the engine follows is always the set stored.
        var writes = new SemaphoreSlim(1, 1);

        app.MapGet(Path, async (CancellationToken cancellationToken) =>
            Results.Ok(new ItemList<Sdk.Contracts.MaintenanceSchedule>([.. (await server.Operations.ReadMaintenanceSchedulesAsync(cancellationToken).ConfigureAwait(false)).Select(Shape)])))
            .Answers<Sdk.Contracts.ItemList<Sdk.Contracts.MaintenanceSchedule>>().Allow(ApiAuth.Readers);

        app.MapGet(Path + "/{id:guid}", async (HttpContext context, Guid id) =>
            await server.Operations.ReadMaintenanceScheduleAsync(id, context.RequestAborted).ConfigureAwait(false) is { } schedule
                ? Results.Ok(Shape(schedule))
                : Problems.NotFound($"there is no maintenance schedule {id}"))
            .Answers<Sdk.Contracts.MaintenanceSchedule>().Allow(ApiAuth.Readers);

        app.MapPost(Path, async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<Sdk.Contracts.MaintenanceSchedule>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = Check(body!, server);
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            await writes.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            try
            {
                var now = server.Options.Time.GetUtcNow();
                var existing = body!.Id is { } id ? await server.Operations.ReadMaintenanceScheduleAsync(id, context.RequestAborted).ConfigureAwait(false) : null;
                var schedule = new MaintenanceSchedule(
                    body.Id ?? Guid.CreateVersion7(now), body.Name.Trim(), body.Recurrence.Trim(), body.TimeZone ?? "UTC", TimeSpan.FromMinutes(body.DurationMinutes),
                    [.. body.Targets.Distinct()], body.Recursive ?? true, Enum.Parse<MaintenanceReason>(body.Reason), body.Comment, body.Enabled ?? true,
                    existing?.Created ?? now, now);
                await server.Operations.SaveMaintenanceScheduleAsync(schedule, context.RequestAborted).ConfigureAwait(false);
                await FollowAsync(server, context.RequestAborted).ConfigureAwait(false);
                return existing is null ? Results.Created($"{Path}/{schedule.Id}", Shape(schedule)) : Results.Ok(Shape(schedule));
            }
            finally
            {
                writes.Release();
            }
        }).Reads<Sdk.Contracts.MaintenanceSchedule>().Answers<Sdk.Contracts.MaintenanceSchedule>(StatusCodes.Status201Created).Allow(ApiRole.Operator);

        app.MapDelete(Path + "/{id:guid}", async (HttpContext context, Guid id) =>
        {
            await writes.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            try
            {
                if (!await server.Operations.DeleteMaintenanceScheduleAsync(id, context.RequestAborted).ConfigureAwait(false))
                {
                    return Problems.NotFound($"there is no maintenance schedule {id}");
                }

                await FollowAsync(server, context.RequestAborted).ConfigureAwait(false);
                return Results.NoContent();
            }
            finally
            {
                writes.Release();
            }
        }).Allow(ApiRole.Operator);
    }

    /// <summary>Hands the stored set to the engine (a window of a deleted schedule that is under way runs to its end, as a started window does).</summary>
    private static async Task FollowAsync(ManagementServer server, CancellationToken cancellationToken) =>
        await server.Engine.SetMaintenanceSchedulesAsync(await server.Operations.ReadMaintenanceSchedulesAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    /// <summary>Every problem with <paramref name="body"/>, each naming its field.</summary>
    private static List<ProblemError> Check(Sdk.Contracts.MaintenanceSchedule body, ManagementServer server)
    {
        var errors = new List<ProblemError>();
        void Add(string path, string message) => errors.Add(new ProblemError("invalid", message) { Path = path });

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            Add("name", "a schedule needs a name");
        }

        try
        {
            Recurrence.Parse(body.Recurrence, body.TimeZone ?? "UTC");
        }
        catch (FormatException e)
        {
            Add(e.Message.Contains("time zone", StringComparison.OrdinalIgnoreCase) ? "timeZone" : "recurrence", e.Message);
        }

        if (body.DurationMinutes is not (>= 1 and <= 60 * 24 * 365))
        {
            Add("durationMinutes", $"durationMinutes must be from 1 to {60 * 24 * 365} (a year); it was {body.DurationMinutes}");
        }

        if (!Enum.TryParse<MaintenanceReason>(body.Reason, ignoreCase: false, out var reason) || !Enum.IsDefined(reason) || int.TryParse(body.Reason, out _))
        {
            Add("reason", $"reason must be one of {string.Join(", ", Enum.GetNames<MaintenanceReason>())}; it was '{body.Reason}'");
        }

        if (body.Targets.Count == 0)
        {
            Add("targets", "a schedule needs at least one target object");
        }

        for (var i = 0; i < body.Targets.Count; i++)
        {
            if (server.Space.Get(body.Targets[i]) is null)
            {
                Add($"targets[{i}]", $"there is no object {body.Targets[i]}");
            }
        }

        return errors;
    }

    private static Sdk.Contracts.MaintenanceSchedule Shape(MaintenanceSchedule s) =>
        new(s.Name, s.Recurrence, s.Duration.TotalMinutes, s.Targets, s.Reason.ToString())
        {
            Id = s.Id,
            TimeZone = s.TimeZone,
            Recursive = s.Recursive,
            Comment = s.Comment,
            Enabled = s.Enabled,
            Created = s.Created,
            Modified = s.Modified,
        };
}
