using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MonitoringHost.Sdk.Contracts;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Events and performance samples a client inserts for an object (API.md "Classes and objects"; SCOM's
/// <c>InsertCustomMonitoringEvent</c> and <c>InsertCustomMonitoringPerformanceData</c>): the object's rules and
/// monitors whose data source is <c>Microsoft.SystemCenter.SdkEventProvider</c> or
/// <c>Microsoft.SystemCenter.SdkPerformanceDataProvider</c> see them before the response, and they are stored as
/// collected data (read back with the GETs). Administrator, Operator and Connector keys insert; readers read.
/// </summary>
internal static class InsertedDataEndpoints
{
    /// <summary>Items in one request: enough for a batch, small enough that one request never hogs the workflows.</summary>
    private const int MaxItems = 1000;


    /// <summary>SCOM's EventLevel values the API takes, with their names.</summary>
    private static readonly (int Level, string Name)[] Levels = [(1, "Error"), (2, "Warning"), (4, "Information")];

    private static readonly DateTimeOffset End = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void MapInsertedData(this WebApplication app, ManagementServer server)
    {
        app.MapPost("/api/v1/objects/{id:guid}/events", (HttpContext context, Guid id) =>
            ReadAndInsertAsync<EventBody>(server, context, id, "events", (item, path, now, errors) => Event(item, path, now, ApiAuth.Identity(context).Name, errors)))
            .Reads<IReadOnlyList<Sdk.Contracts.MonitoringEvent>>().Answers<Sdk.Contracts.DataInserted>().Allow(ApiRole.Operator, ApiRole.Connector);

        app.MapPost("/api/v1/objects/{id:guid}/performance", (HttpContext context, Guid id) =>
            ReadAndInsertAsync<PerformanceBody>(server, context, id, "samples", Sample))
            .Reads<IReadOnlyList<Sdk.Contracts.PerformanceSample>>().Answers<Sdk.Contracts.DataInserted>().Allow(ApiRole.Operator, ApiRole.Connector);

        app.MapGet("/api/v1/objects/{id:guid}/events", async (HttpContext context, Guid id, DateTimeOffset? since, int? limit) =>
        {
            if (Check(server, id, limit) is { } refused)
            {
                return refused;
            }

            var events = await server.Collected.ReadEventsAsync(id, since ?? DateTimeOffset.UnixEpoch, End, context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new
            {
                items = events.Take(limit ?? Problems.DefaultLimit).Select(e => new
                {
                    eventNumber = e.EventNumber,
                    level = e.EventLevel,
                    levelName = Levels.FirstOrDefault(l => l.Level == e.EventLevel).Name,
                    source = e.PublisherName,
                    description = e.Description,
                    time = e.Time.UtcDateTime,
                    user = e.UserName,
                    collectedBy = e.WorkflowId,
                }),
            });
        }).Allow(ApiAuth.Readers);

        app.MapGet("/api/v1/objects/{id:guid}/performance", async (HttpContext context, Guid id, string? objectName, string? counterName, DateTimeOffset? since, int? limit) =>
        {
            if (Check(server, id, limit) is { } refused)
            {
                return refused;
            }

            if (string.IsNullOrEmpty(objectName) || string.IsNullOrEmpty(counterName))
            {
                return Problems.Invalid([
                    .. string.IsNullOrEmpty(objectName) ? [Problems.Field("objectName", "give the counter's objectName")] : Array.Empty<ProblemError>(),
                    .. string.IsNullOrEmpty(counterName) ? [Problems.Field("counterName", "give the counter's counterName")] : Array.Empty<ProblemError>()]);
            }

            var samples = await server.Collected.ReadSamplesAsync(objectName, counterName, since ?? DateTimeOffset.UnixEpoch, End, id, context.RequestAborted).ConfigureAwait(false);
            return Results.Ok(new
            {
                items = samples.Take(limit ?? Problems.DefaultLimit).Select(s => new
                {
                    objectName = s.ObjectName,
                    counterName = s.CounterName,
                    instanceName = s.InstanceName,
                    value = s.Value,
                    time = s.TimeSampled.UtcDateTime,
                    collectedBy = s.WorkflowId,
                }),
            });
        }).Allow(ApiAuth.Readers);
    }

    /// <summary>The workflow id inserted items are stored under: who inserted them.</summary>
    private static string InsertedBy(HttpContext context) => $"sdk:{ApiAuth.Identity(context).Name}";

    /// <summary>
    /// Reads a list of items for an existing object, checks each (every problem with its index), then inserts them;
    /// a request with any problem inserts nothing.
    /// </summary>
    private static async Task<IResult> ReadAndInsertAsync<TBody>(
        ManagementServer server, HttpContext context, Guid id, string what, Func<TBody, string, DateTimeOffset, List<ProblemError>, DataItem?> read)
        where TBody : class
    {
        var (body, problem) = await ApiJson.ReadAsync<List<TBody>>(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (server.Space.Get(id) is null)
        {
            return Problems.NotFound($"there is no object {id}");
        }

        var errors = new List<ProblemError>();
        if (body!.Count is 0 or > MaxItems)
        {
            errors.Add(Problems.Field("", $"give 1 to {MaxItems} {what}; there were {body.Count}"));
        }

        var now = server.Options.Time.GetUtcNow();
        var items = body.Select((item, i) => read(item, string.Create(CultureInfo.InvariantCulture, $"[{i}]"), now, errors)).ToList();
        return errors.Count > 0
            ? Problems.Invalid(errors)
            : await InsertAsync(server, context, id, [.. items.OfType<DataItem>()]).ConfigureAwait(false);
    }

    /// <summary>Stores the items as collected data, then runs the object's SDK-fed workflows on them and waits for what they raise.</summary>
    private static async Task<IResult> InsertAsync(ManagementServer server, HttpContext context, Guid id, List<DataItem> items)
    {
        var collectedBy = InsertedBy(context);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                server.Collected.Collect(collectedBy, id, items[i]);
            }
            catch (InvalidOperationException full)
            {
                return Problems.Result(StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                    $"{i} of {items.Count} items were stored and none reached the workflows: {full.Message}");
            }
        }

        var runs = await server.Host.InsertAsync(id, items, context.RequestAborted).ConfigureAwait(false);
        await server.Collected.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await server.Engine.FlushAsync().ConfigureAwait(false);
        return Results.Ok(new DataInserted(items.Count, runs));
    }

    private static IResult? Check(ManagementServer server, Guid id, int? limit) =>
        server.Space.Get(id) is null ? Problems.NotFound($"there is no object {id}")
        : Problems.BadLimit(limit);

    private static EventData? Event(EventBody item, string path, DateTimeOffset now, string user, List<ProblemError> errors)
    {
        var problems = errors.Count;
        if (item.EventNumber is < 0 or > uint.MaxValue)
        {
            errors.Add(Problems.Field(path + ".eventNumber", $"eventNumber must be from 0 to {uint.MaxValue}; it was {item.EventNumber}"));
        }

        var level = Level(item.Level);
        if (level is null)
        {
            errors.Add(Problems.Field(path + ".level", $"level must be one of {string.Join(", ", Levels.Select(l => $"{l.Level} ({l.Name})"))}, by number or name; it was {item.Level.GetRawText()}"));
        }

        if (string.IsNullOrWhiteSpace(item.Source))
        {
            errors.Add(Problems.Field(path + ".source", "source (the event's publisher) must not be empty"));
        }

        for (var i = 0; i < (item.Parameters?.Count ?? 0); i++)
        {
            if (item.Parameters![i] is null)
            {
                errors.Add(Problems.Field(string.Create(CultureInfo.InvariantCulture, $"{path}.parameters[{i}]"), "a parameter is a string, not null"));
            }
        }

        return errors.Count > problems
            ? null
            : new EventData(item.Time ?? now, EventData.SystemTypeName)
            {
                PublisherName = item.Source,
                EventSourceName = item.Source,
                EventNumber = (uint)item.EventNumber,
                EventDisplayNumber = (uint)item.EventNumber,
                EventLevel = level!.Value,
                EventDescription = item.Description,
                UserName = user,
                Params = [.. item.Parameters ?? []],
            };
    }

    /// <summary>SCOM's EventLevel by number (1, 2, 4, as a number or text) or by name.</summary>
    private static int? Level(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        return Levels.FirstOrDefault(l => string.Equals(l.Name, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(l.Level.ToString(CultureInfo.InvariantCulture), text, StringComparison.Ordinal)) is { Name: not null } found
            ? found.Level
            : null;
    }

    private static PerformanceData? Sample(PerformanceBody item, string path, DateTimeOffset now, List<ProblemError> errors)
    {
        var problems = errors.Count;
        if (string.IsNullOrWhiteSpace(item.ObjectName))
        {
            errors.Add(Problems.Field(path + ".objectName", "objectName must not be empty"));
        }

        if (string.IsNullOrWhiteSpace(item.CounterName))
        {
            errors.Add(Problems.Field(path + ".counterName", "counterName must not be empty"));
        }

        if (!double.IsFinite(item.Value))
        {
            errors.Add(Problems.Field(path + ".value", "value must be a finite number"));
        }

        return errors.Count > problems ? null : new PerformanceData(item.Time ?? now, item.ObjectName, item.CounterName, item.InstanceName ?? "", item.Value);
    }

    private sealed record EventBody(long EventNumber, JsonElement Level, string Source, string? Description = null, IReadOnlyList<string>? Parameters = null, DateTimeOffset? Time = null);

    private sealed record PerformanceBody(string ObjectName, string CounterName, double Value, string? InstanceName = null, DateTimeOffset? Time = null);
}
