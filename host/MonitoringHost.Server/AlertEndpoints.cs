using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Sdk.Contracts;
using Alert = MonitoringHost.Runtime.Alerts.Alert;
using NewAlert = MonitoringHost.Runtime.Alerts.NewAlert;
using ResolutionState = MonitoringHost.Sdk.Contracts.ResolutionState;
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
    /// <summary>The most alerts one request creates or updates.</summary>
    private const int MaxCreatedAtOnce = 1_000;

    private static readonly string[] Severities = ["Information", "Warning", "Error"];
    private static readonly string[] Priorities = ["Low", "Normal", "High"];

    public static void MapAlerts(this WebApplication app, ManagementServer server)
    {
        var connectors = ConnectorStore.For(server.Store);
        app.MapGet("/api/v1/alerts", async (HttpContext context, DateTimeOffset? since, bool? open, int? limit, string? cursor) =>
        {
            var (filter, criteriaProblem) = await CriteriaQuery.ReadAsync(context, async () => AlertCriteria.Schema(await server.Engine.ResolutionStatesAsync().ConfigureAwait(false))).ConfigureAwait(false);
            if (criteriaProblem is not null)
            {
                return criteriaProblem;
            }

            if (Problems.BadLimit(limit) is { } badLimit)
            {
                return badLimit;
            }

            AlertCursor? after = null;
            if (cursor is not null && (after = ReadCursor(cursor)) is null)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "Bad Request", $"cursor '{cursor}' is not one this server gave");
            }

            var query = new AlertQuery(open ?? false, since, after, limit ?? Problems.DefaultLimit);
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

            return Results.Ok(new ListPage<MonitoringAlert>([.. page.Items.Select(Shape)], page.Next is { } next ? WriteCursor(next) : null));
        }).Answers<Sdk.Contracts.ListPage<Sdk.Contracts.MonitoringAlert>>().Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/alerts/{id:guid}", async (HttpContext context, Guid id) =>
        {
            var alert = await FindAsync(server, id, context.RequestAborted).ConfigureAwait(false);

            // A connector reads the alerts it was given (marked for it, handed to it, or acknowledged), no other.
            if (ApiAuth.Identity(context) is { Role: ApiRole.Connector, ConnectorId: var connector }
                && !(alert is not null && connector is { } own && (alert.ConnectorId == own || server.HandOuts.Holds(own, id)
                    || (await connectors.ForwardedAsync(own, [id], context.RequestAborted).ConfigureAwait(false)).Count == 1)))
            {
                return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                    $"the key '{ApiAuth.Identity(context).Name}' has the role Connector and reads only the alerts its connector was given; {id} is not one");
            }

            if (alert is null)
            {
                return Problems.NotFound($"there is no alert {id}");
            }

            context.Response.Headers.ETag = ETag(alert);
            return Results.Ok(Shape(alert));
        }).Answers<Sdk.Contracts.MonitoringAlert>().Allow([.. ApiAuth.Readers, ApiRole.Connector]);

        app.MapPost("/api/v1/alerts", async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<OneOrMany<Sdk.Contracts.NewAlert>>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (body!.Items.Count is 0 or > MaxCreatedAtOnce)
            {
                return Problems.Invalid("", $"give from 1 to {MaxCreatedAtOnce} alerts (there were {body.Items.Count})");
            }

            var errors = new List<ProblemError>();
            var requests = body.Items.Select((item, i) => Read(server, item, body.IsMany ? $"[{i}]." : "", errors)).ToList();
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            IReadOnlyList<Alert> created;
            try
            {
                created = await server.Engine.CreateAlertsAsync(requests!, Author(context)).ConfigureAwait(false);
            }
            catch (MonitoringObjectNotFoundException e)
            {
                // Removed between the check and the commit: nothing was created.
                return Problems.Invalid("monitoringObjectId", e.Message);
            }

            if (body.IsMany)
            {
                return Results.Created("/api/v1/alerts", new ItemList<MonitoringAlert>([.. created.Select(Shape)]));
            }

            context.Response.Headers.ETag = ETag(created[0]);
            return Results.Created($"/api/v1/alerts/{created[0].Id}", Shape(created[0]));
        }).Reads<Sdk.Contracts.NewAlert>().Answers<Sdk.Contracts.MonitoringAlert>(StatusCodes.Status201Created).Allow(ApiRole.Operator, ApiRole.Connector);

        app.MapPost("/api/v1/alerts:batchUpdate", async (HttpContext context) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<AlertBatchUpdate>(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            if (body!.Ids.Count is 0 or > MaxCreatedAtOnce)
            {
                return Problems.Invalid("ids", $"give from 1 to {MaxCreatedAtOnce} alert ids (there were {body.Ids.Count})");
            }

            var patch = ToPatch(body.Patch) with { Comment = body.Comment ?? body.Patch.Comment };
            if (await CheckConnectorAsync(context, connectors, patch.ConnectorId, "patch.connectorId").ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            try
            {
                var result = await server.Engine.UpdateAlertsAsync(body.Ids.Distinct(), patch, Author(context)).ConfigureAwait(false);
                return Results.Ok(new AlertBatchResult(result.Updated, [.. result.Failures.Select(f => new AlertBatchFailure(f.Id, f.Reason))]));
            }
            catch (InvalidAlertChangeException e)
            {
                return Problems.Invalid(e.Problems.Select(p => new ProblemError("invalid", p) { Path = "patch" }));
            }
        }).Reads<Sdk.Contracts.AlertBatchUpdate>().Answers<Sdk.Contracts.AlertBatchResult>().Allow(ApiRole.Operator, ApiRole.Connector);

        app.MapMethods("/api/v1/alerts/{id:guid}", ["PATCH"], async (HttpContext context, Guid id) =>
        {
            var (body, problem) = await ApiJson.ReadAsync<AlertChange>(context).ConfigureAwait(false);
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

            if (await CheckConnectorAsync(context, connectors, body!.ConnectorId, "connectorId").ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            try
            {
                var updated = await server.Engine.UpdateAlertAsync(id, ToPatch(body!), Author(context), expected).ConfigureAwait(false);
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
                return Problems.Invalid(e.Problems.Select(p => new ProblemError("invalid", p) { Path = "" }));
            }
        }).Reads<Sdk.Contracts.AlertChange>().Answers<Sdk.Contracts.MonitoringAlert>().Allow(ApiRole.Operator, ApiRole.Connector);

        app.MapGet("/api/v1/alerts/{id:guid}/history", async (HttpContext context, Guid id) =>
        {
            if (await FindAsync(server, id, context.RequestAborted).ConfigureAwait(false) is null)
            {
                return Problems.NotFound($"there is no alert {id}");
            }

            var history = await server.Operations.ReadAlertHistoryAsync(id, context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new ItemList<Sdk.Contracts.AlertHistoryEntry>([.. history.Select(h => new Sdk.Contracts.AlertHistoryEntry(
                h.Time,
                h.Version,
                h.By.Name,
                h.By.Kind.ToString().ToLowerInvariant(),
                h.Changes.ToDictionary(c => c.Key, c => (IReadOnlyList<string?>)[c.Value.Old, c.Value.New]),
                h.Comment))]));
        }).Answers<Sdk.Contracts.ItemList<Sdk.Contracts.AlertHistoryEntry>>().Allow(ApiAuth.Readers);
    }

    /// <summary>A new alert as the engine takes it, or null with its problems (paths under <paramref name="prefix"/>) added to <paramref name="errors"/>.</summary>
    private static NewAlert? Read(ManagementServer server, Sdk.Contracts.NewAlert body, string prefix, List<ProblemError> errors)
    {
        var before = errors.Count;
        var target = body.MonitoringObjectId is { } objectId ? server.Space.Get(objectId)
            : body.ObjectPath is { } path ? server.Space.OfClass("System.Entity").FirstOrDefault(o => o.Path == path) : null;
        if (target is null)
        {
            errors.Add(new ProblemError("unknown-object", "give monitoringObjectId or objectPath of an existing object") { Path = prefix + (body.MonitoringObjectId is null ? "objectPath" : "monitoringObjectId") });
        }

        var severity = Level(body.Severity, Severities, prefix + "severity", errors);
        var priority = Level(body.Priority ?? "Normal", Priorities, prefix + "priority", errors);
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors.Add(new ProblemError("required", "an alert needs a name") { Path = prefix + "name" });
        }

        return errors.Count > before ? null
            : new NewAlert(target!.Id, body.Name, body.Description ?? "", severity, priority) { Owner = body.Owner, TicketId = body.TicketId, Category = body.Category, CustomFields = body.GivenCustomFields().ToImmutableDictionary() };
    }

    /// <summary>An alert as the engine has it (open ones), else as stored (closed ones the engine no longer holds); null when there is none.</summary>
    public static async Task<Alert?> FindAsync(ManagementServer server, Guid id, CancellationToken cancellationToken) =>
        await server.Engine.AlertAsync(id).ConfigureAwait(false) ?? await server.Operations.ReadAlertAsync(id, cancellationToken).ConfigureAwait(false);

    /// <summary>The change's author: the key's name, as a user, or as the connector a Connector key stands for.</summary>
    private static ChangeAuthor Author(HttpContext context)
    {
        var identity = ApiAuth.Identity(context);
        return identity.Role == ApiRole.Connector
            ? new ChangeAuthor(identity.ConnectorId?.ToString() ?? identity.Name, ChangeAuthorKind.Connector)
            : new ChangeAuthor(identity.Name, ChangeAuthorKind.User);
    }

    private static int Level(string? value, string[] names, string field, List<ProblemError> errors)
    {
        var index = Array.FindIndex(names, n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        if (index < 0 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < names.Length)
        {
            index = number;
        }

        if (index < 0)
        {
            errors.Add(new ProblemError("invalid", $"{field} must be one of {string.Join(", ", names)} (or 0–{names.Length - 1}); it was '{value}'") { Path = field });
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
    public static MonitoringAlert Shape(Alert alert) => new(
        alert.Id,
        alert.Name,
        alert.Description,
        (Severity)alert.Severity,
        alert.Severity is >= 0 and < 3 ? Severities[alert.Severity] : null,
        (Priority)alert.Priority,
        alert.Priority is >= 0 and < 3 ? Priorities[alert.Priority] : null,
        alert.ResolutionState,
        alert.Category,
        alert.MonitoringObjectId,
        alert.MonitoringObjectDisplayName,
        alert.MonitoringObjectPath,
        alert.MonitoringClassId,
        alert.IsMonitorAlert,
        alert.RuleOrMonitorId,
        alert.ProblemId,
        alert.RepeatCount,
        alert.Owner,
        alert.TicketId)
    {
        CustomField1 = alert.CustomFields[0],
        CustomField2 = alert.CustomFields[1],
        CustomField3 = alert.CustomFields[2],
        CustomField4 = alert.CustomFields[3],
        CustomField5 = alert.CustomFields[4],
        CustomField6 = alert.CustomFields[5],
        CustomField7 = alert.CustomFields[6],
        CustomField8 = alert.CustomFields[7],
        CustomField9 = alert.CustomFields[8],
        CustomField10 = alert.CustomFields[9],
        Context = alert.Context,
        TimeRaised = alert.TimeRaised,
        TimeAdded = alert.TimeAdded,
        LastModified = alert.LastModified,
        LastModifiedBy = alert.LastModifiedBy,
        TimeResolved = alert.TimeResolved,
        ResolvedBy = alert.ResolvedBy,
        ConnectorId = alert.ConnectorId,
        Version = alert.Version,
    };

    private static AlertPatch ToPatch(AlertChange change) => new()
    {
        ResolutionState = change.ResolutionState,
        Owner = change.Owner,
        TicketId = change.TicketId,
        Comment = change.Comment,
        CustomFields = change.GivenCustomFields().ToImmutableDictionary(),
        ConnectorId = change.ConnectorId,
    };

    /// <summary>
    /// Null when the change may mark its alerts for the connector it names (an existing one; for a Connector key only
    /// itself), else the problem; <paramref name="path"/> is where the field is in the body.
    /// </summary>
    private static async Task<IResult?> CheckConnectorAsync(HttpContext context, ConnectorStore connectors, Guid? connectorId, string path)
    {
        if (connectorId is not { } id || id == Guid.Empty)
        {
            return null;
        }

        if (ApiAuth.Identity(context) is { Role: ApiRole.Connector } identity && identity.ConnectorId != id)
        {
            return Problems.Result(StatusCodes.Status403Forbidden, "Forbidden",
                $"the key '{identity.Name}' belongs to the connector {identity.ConnectorId} and marks alerts only for it, not for {id}");
        }

        return await connectors.GetAsync(id, context.RequestAborted).ConfigureAwait(false) is null
            ? Problems.Invalid([new ProblemError("unknown-connector", $"there is no connector {id}") { Path = path }])
            : null;
    }
}
