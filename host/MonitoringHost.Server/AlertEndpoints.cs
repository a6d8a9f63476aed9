using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Criteria;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Alerts (API.md "Alerts"): list (modified since, open only, criteria, paged), one alert with its ETag, create (the runbook
/// "Create Alert" path), update with <c>If-Match</c>, history, resolution states. Writes go through the operations
/// engine and are answered once durable.
/// </summary>
internal static class AlertEndpoints
{
    private static readonly string[] Severities = ["Information", "Warning", "Error"];
    private static readonly string[] Priorities = ["Low", "Normal", "High"];

    public static void MapAlerts(this WebApplication app, ManagementServer server)
    {
        app.MapGet("/api/v1/alerts", async (HttpContext context, DateTimeOffset? since, bool? open, int? limit, string? cursor) =>
        {
            var (filter, criteriaProblem) = await CriteriaQuery.ReadAsync(context, async () => AlertCriteria.Schema(await server.Engine.ResolutionStatesAsync().ConfigureAwait(false))).ConfigureAwait(false);
            if (criteriaProblem is not null)
            {
                return criteriaProblem;
            }

            if (limit is < 1 or > 5_000)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"limit must be from 1 to 5000 (it was {limit})");
            }

            AlertCursor? after = null;
            if (cursor is not null && (after = ReadCursor(cursor)) is null)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"cursor '{cursor}' is not one this server gave");
            }

            var query = new AlertQuery(open ?? false, since, after, limit ?? 100);
            AlertPage page;
            try
            {
                page = filter is null
                    ? await server.Operations.ReadAlertsAsync(query, context.RequestAborted).ConfigureAwait(false)
                    : await AlertListing.ReadMatchingAsync(server.Operations, query, filter, context.RequestAborted).ConfigureAwait(false);
            }
            catch (RegexMatchTimeoutException e)
            {
                return CriteriaQuery.TimedOut(e);
            }

            return Results.Ok(new { items = page.Items.Select(Shape), nextCursor = page.Next is { } next ? WriteCursor(next) : null });
        }).Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/alerts/{id:guid}", async (HttpContext context, Guid id) =>
        {
            var alert = await server.Engine.AlertAsync(id).ConfigureAwait(false) ?? await server.Operations.ReadAlertAsync(id, context.RequestAborted).ConfigureAwait(false);
            if (alert is null)
            {
                return Problems.NotFound($"there is no alert {id}");
            }

            context.Response.Headers.ETag = ETag(alert);
            return Results.Ok(Shape(alert));
        }).Allow(ApiAuth.Readers);

        app.MapPost("/api/v1/alerts", async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<NewAlertBody>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new List<object>();
            var target = body!.MonitoringObjectId is { } objectId ? server.Space.Get(objectId)
                : body.ObjectPath is { } path ? server.Space.OfClass("System.Entity").FirstOrDefault(o => o.Path == path) : null;
            if (target is null)
            {
                errors.Add(new { path = body.MonitoringObjectId is null ? "objectPath" : "monitoringObjectId", code = "unknown-object", message = "give monitoringObjectId or objectPath of an existing object" });
            }

            var severity = Level(body.Severity, Severities, "severity", errors);
            var priority = Level(body.Priority ?? "Normal", Priorities, "priority", errors);
            if (string.IsNullOrWhiteSpace(body.Name))
            {
                errors.Add(new { path = "name", code = "required", message = "an alert needs a name" });
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var created = await server.Engine.CreateAlertAsync(
                new NewAlert(target!.Id, body.Name, body.Description ?? "", severity, priority) { Owner = body.Owner, TicketId = body.TicketId, CustomFields = body.CustomFields() },
                Author(context)).ConfigureAwait(false);
            context.Response.Headers.ETag = ETag(created);
            return Results.Created($"/api/v1/alerts/{created.Id}", Shape(created));
        }).Allow(ApiRole.Operator, ApiRole.Connector);

        app.MapMethods("/api/v1/alerts/{id:guid}", ["PATCH"], async (HttpContext context, Guid id) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<AlertPatchBody>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            long? expected = null;
            if (context.Request.Headers.IfMatch.ToString() is { Length: > 0 } ifMatch)
            {
                if (!long.TryParse(ifMatch.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"If-Match '{ifMatch}' is not an ETag this server gave");
                }

                expected = version;
            }

            try
            {
                var updated = await server.Engine.UpdateAlertAsync(id, body!.ToPatch(), Author(context), expected).ConfigureAwait(false);
                context.Response.Headers.ETag = ETag(updated);
                return Results.Ok(Shape(updated));
            }
            catch (AlertNotFoundException e)
            {
                return Problems.NotFound(e.Message);
            }
            catch (Exception e) when (e is AlertVersionConflictException or AlertConflictException)
            {
                return Problems.Conflict(e.Message);
            }
            catch (InvalidAlertChangeException e)
            {
                return Problems.Invalid(e.Problems.Select(p => (object)new { path = "", code = "invalid", message = p }));
            }
        }).Allow(ApiRole.Operator, ApiRole.Connector);

        app.MapGet("/api/v1/alerts/{id:guid}/history", async (HttpContext context, Guid id) =>
        {
            if (await server.Engine.AlertAsync(id).ConfigureAwait(false) is null && await server.Operations.ReadAlertAsync(id, context.RequestAborted).ConfigureAwait(false) is null)
            {
                return Problems.NotFound($"there is no alert {id}");
            }

            var history = await server.Operations.ReadAlertHistoryAsync(id, context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new
            {
                items = history.Select(h => new
                {
                    time = h.Time.UtcDateTime,
                    version = h.Version,
                    by = h.By.Name,
                    byKind = h.By.Kind.ToString().ToLowerInvariant(),
                    changes = h.Changes.ToDictionary(c => c.Key, c => new[] { c.Value.Old, c.Value.New }),
                    comment = h.Comment,
                }),
            });
        }).Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/resolution-states", async () =>
            Results.Ok(new { items = (await server.Engine.ResolutionStatesAsync().ConfigureAwait(false)).Select(s => new { code = s.Code, name = s.Name }) }))
            .Allow(ApiAuth.Readers);
    }

    /// <summary>The change's author: the key's name, as a user, or as the connector a Connector key stands for.</summary>
    private static ChangeAuthor Author(HttpContext context)
    {
        var identity = ApiAuth.Identity(context);
        return identity.Role == ApiRole.Connector
            ? new ChangeAuthor(identity.ConnectorId?.ToString() ?? identity.Name, ChangeAuthorKind.Connector)
            : new ChangeAuthor(identity.Name, ChangeAuthorKind.User);
    }

    private static int Level(string? value, string[] names, string field, List<object> errors)
    {
        var index = Array.FindIndex(names, n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        if (index < 0 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < names.Length)
        {
            index = number;
        }

        if (index < 0)
        {
            errors.Add(new { path = field, code = "invalid", message = $"{field} must be one of {string.Join(", ", names)} (or 0–{names.Length - 1}); it was '{value}'" });
        }

        return index;
    }

    private static string ETag(Alert alert) => $"\"{alert.Version.ToString(CultureInfo.InvariantCulture)}\"";

    private static string WriteCursor(AlertCursor cursor) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{cursor.LastModified.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{cursor.Id:N}"));

    private static AlertCursor? ReadCursor(string text)
    {
        try
        {
            var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && Guid.TryParseExact(parts[1], "N", out var id)
                && ticks is >= 0 and <= 3155378975999999999
                ? new AlertCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>An alert as API.md gives it.</summary>
    public static Dictionary<string, object?> Shape(Alert alert)
    {
        var shape = new Dictionary<string, object?>
        {
            ["id"] = alert.Id,
            ["name"] = alert.Name,
            ["description"] = alert.Description,
            ["severity"] = alert.Severity,
            ["severityName"] = alert.Severity is >= 0 and < 3 ? Severities[alert.Severity] : null,
            ["priority"] = alert.Priority,
            ["priorityName"] = alert.Priority is >= 0 and < 3 ? Priorities[alert.Priority] : null,
            ["resolutionState"] = alert.ResolutionState,
            ["category"] = alert.Category,
            ["monitoringObjectId"] = alert.MonitoringObjectId,
            ["monitoringObjectDisplayName"] = alert.MonitoringObjectDisplayName,
            ["monitoringObjectPath"] = alert.MonitoringObjectPath,
            ["monitoringClassId"] = alert.MonitoringClassId,
            ["isMonitorAlert"] = alert.IsMonitorAlert,
            ["ruleOrMonitorId"] = alert.RuleOrMonitorId,
            ["problemId"] = alert.ProblemId,
            ["repeatCount"] = alert.RepeatCount,
            ["owner"] = alert.Owner,
            ["ticketId"] = alert.TicketId,
        };
        for (var i = 0; i < 10; i++)
        {
            shape[$"customField{i + 1}"] = alert.CustomFields[i];
        }

        shape["context"] = alert.Context;
        shape["timeRaised"] = alert.TimeRaised.UtcDateTime;
        shape["timeAdded"] = alert.TimeAdded.UtcDateTime;
        shape["lastModified"] = alert.LastModified.UtcDateTime;
        shape["lastModifiedBy"] = alert.LastModifiedBy;
        shape["timeResolved"] = alert.TimeResolved?.UtcDateTime;
        shape["resolvedBy"] = alert.ResolvedBy;
        shape["connectorId"] = alert.ConnectorId;
        shape["version"] = alert.Version;
        return shape;
    }

    private sealed record NewAlertBody(
        string Name, string Severity, Guid? MonitoringObjectId = null, string? ObjectPath = null, string? Description = null, string? Priority = null,
        string? Owner = null, string? TicketId = null,
        string? CustomField1 = null, string? CustomField2 = null, string? CustomField3 = null, string? CustomField4 = null, string? CustomField5 = null,
        string? CustomField6 = null, string? CustomField7 = null, string? CustomField8 = null, string? CustomField9 = null, string? CustomField10 = null)
    {
        public ImmutableDictionary<int, string> CustomFields() => Fields(
            [CustomField1, CustomField2, CustomField3, CustomField4, CustomField5, CustomField6, CustomField7, CustomField8, CustomField9, CustomField10]);
    }

    private sealed record AlertPatchBody(
        int? ResolutionState = null, string? Owner = null, string? TicketId = null, string? Comment = null,
        string? CustomField1 = null, string? CustomField2 = null, string? CustomField3 = null, string? CustomField4 = null, string? CustomField5 = null,
        string? CustomField6 = null, string? CustomField7 = null, string? CustomField8 = null, string? CustomField9 = null, string? CustomField10 = null)
    {
        public AlertPatch ToPatch() => new()
        {
            ResolutionState = ResolutionState,
            Owner = Owner,
            TicketId = TicketId,
            Comment = Comment,
            CustomFields = Fields([CustomField1, CustomField2, CustomField3, CustomField4, CustomField5, CustomField6, CustomField7, CustomField8, CustomField9, CustomField10]),
        };
    }

    private static ImmutableDictionary<int, string> Fields(string?[] values) =>
        values.Select((value, i) => (value, i)).Where(f => f.value is not null).ToImmutableDictionary(f => f.i + 1, f => f.value!);
}
