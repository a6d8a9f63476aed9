using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Maintenance;

namespace MonitoringHost.Storage;

/// <summary>
/// The JSON of the operations store: the JSON columns (alert parameters and suppression values, history changes,
/// schedule targets) and the change feed payloads (API field names, camelCase; times ISO 8601 UTC).
/// </summary>
internal static class OperationsJson
{
    public const string HealthChanged = "health.changed";
    public const string AlertCreated = "alert.created";
    public const string AlertUpdated = "alert.updated";
    public const string MaintenanceStarted = "maintenance.started";
    public const string MaintenanceEnded = "maintenance.ended";

    public static string Strings(ImmutableArray<string> values) => Write(writer => WriteStrings(writer, values));

    public static ImmutableArray<string> ReadStrings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString()!)];
    }

    public static string Ids(ImmutableArray<Guid> ids) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var id in ids.IsDefault ? [] : ids)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    });

    public static ImmutableArray<Guid> ReadIds(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetGuid())];
    }

    /// <summary>History changes as one object: field → [old, new].</summary>
    public static string Changes(ImmutableSortedDictionary<string, FieldChange> changes) => Write(writer => WriteChanges(writer, changes));

    public static ImmutableSortedDictionary<string, FieldChange> ReadChanges(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadChanges(document.RootElement);
    }

    public static ImmutableSortedDictionary<string, FieldChange> ReadChanges(JsonElement element)
    {
        var changes = ImmutableSortedDictionary.CreateBuilder<string, FieldChange>(StringComparer.Ordinal);
        foreach (var field in element.EnumerateObject())
        {
            changes[field.Name] = new FieldChange(field.Value[0].GetString(), field.Value[1].GetString());
        }

        return changes.ToImmutable();
    }

    public static ChangeFeedEvent StateChangeEvent(StateChange change) => new(HealthChanged, change.ObjectId, change.Time, writer =>
    {
        writer.WriteString("objectId", change.ObjectId);
        writer.WriteString("monitorId", change.MonitorId);
        writer.WriteNumber("oldState", (int)change.OldState);
        writer.WriteNumber("newState", (int)change.NewState);
        writer.WriteString("time", StoredTime.UtcDateTime(change.Time));
        writer.WriteString("context", change.Context);
    });

    public static ChangeFeedEvent AlertCreatedEvent(Alert alert) => new(AlertCreated, alert.Id, alert.TimeAdded, writer => WriteAlert(writer, alert));

    /// <summary>The alert as it is after the change, and under <c>history</c> what changed, by whom and why.</summary>
    public static ChangeFeedEvent AlertUpdatedEvent(Alert alert, AlertHistoryEntry history) => new(AlertUpdated, alert.Id, history.Time, writer =>
    {
        WriteAlert(writer, alert);
        writer.WriteStartObject("history");
        writer.WriteNumber("version", history.Version);
        writer.WriteString("time", StoredTime.UtcDateTime(history.Time));
        writer.WriteString("by", history.By.Name);
        writer.WriteString("byKind", AuthorKind(history.By.Kind));
        writer.WritePropertyName("changes");
        WriteChanges(writer, history.Changes);
        writer.WriteString("comment", history.Comment);
        writer.WriteEndObject();
    });

    public static ChangeFeedEvent MaintenanceStartedEvent(MaintenanceWindow window) =>
        new(MaintenanceStarted, window.ObjectId, window.Start, writer => WriteWindow(writer, window));

    public static ChangeFeedEvent MaintenanceEndedEvent(MaintenanceWindow window, DateTimeOffset ended) => new(MaintenanceEnded, window.ObjectId, ended, writer =>
    {
        WriteWindow(writer, window);
        writer.WriteString("ended", StoredTime.UtcDateTime(ended));
    });

    /// <summary>An author kind as the API and the <c>changed_by_kind</c> column spell it.</summary>
    public static string AuthorKind(ChangeAuthorKind kind) => kind switch
    {
        ChangeAuthorKind.User => "user",
        ChangeAuthorKind.Connector => "connector",
        ChangeAuthorKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an author kind"),
    };

    public static ChangeAuthorKind ReadAuthorKind(string kind) => kind switch
    {
        "user" => ChangeAuthorKind.User,
        "connector" => ChangeAuthorKind.Connector,
        "system" => ChangeAuthorKind.System,
        _ => throw new InvalidDataException($"'{kind}' is not an author kind (user, connector, system)"),
    };

    private static void WriteAlert(Utf8JsonWriter writer, Alert alert)
    {
        writer.WriteString("id", alert.Id);
        writer.WriteString("name", alert.Name);
        writer.WriteString("description", alert.Description);
        writer.WriteNumber("severity", alert.Severity);
        writer.WriteNumber("priority", alert.Priority);
        writer.WriteNumber("resolutionState", alert.ResolutionState);
        writer.WriteString("category", alert.Category);
        writer.WriteString("monitoringObjectId", alert.MonitoringObjectId);
        writer.WriteString("monitoringObjectDisplayName", alert.MonitoringObjectDisplayName);
        writer.WriteString("monitoringObjectPath", alert.MonitoringObjectPath);
        writer.WriteString("monitoringClassId", alert.MonitoringClassId);
        writer.WriteBoolean("isMonitorAlert", alert.IsMonitorAlert);
        writer.WriteString("ruleOrMonitorId", alert.RuleOrMonitorId);
        writer.WriteString("problemId", alert.ProblemId);
        writer.WriteNumber("repeatCount", alert.RepeatCount);
        writer.WriteString("owner", alert.Owner);
        writer.WriteString("ticketId", alert.TicketId);
        for (var i = 0; i < alert.CustomFields.Length; i++)
        {
            writer.WriteString(CustomFieldNames[i], alert.CustomFields[i]);
        }

        writer.WriteString("context", alert.Context);
        writer.WritePropertyName("parameters");
        WriteStrings(writer, alert.Parameters);
        writer.WritePropertyName("suppression");
        WriteStrings(writer, alert.Suppression);
        writer.WriteString("timeRaised", StoredTime.UtcDateTime(alert.TimeRaised));
        writer.WriteString("timeAdded", StoredTime.UtcDateTime(alert.TimeAdded));
        writer.WriteString("lastModified", StoredTime.UtcDateTime(alert.LastModified));
        writer.WriteString("lastModifiedBy", alert.LastModifiedBy);
        WriteTime(writer, "timeResolved", alert.TimeResolved);
        writer.WriteString("resolvedBy", alert.ResolvedBy);
        if (alert.ConnectorId is { } connector)
        {
            writer.WriteString("connectorId", connector);
        }
        else
        {
            writer.WriteNull("connectorId");
        }

        writer.WriteNumber("version", alert.Version);
    }

    /// <summary>The history entry <see cref="AlertUpdatedEvent"/> wrote under <c>history</c>.</summary>
    public static AlertHistoryEntry ReadHistory(Guid alertId, JsonElement e) => new(
        alertId,
        e.GetProperty("version").GetInt64(),
        e.GetProperty("time").GetDateTimeOffset(),
        new ChangeAuthor(e.GetProperty("by").GetString()!, ReadAuthorKind(e.GetProperty("byKind").GetString()!)),
        ReadChanges(e.GetProperty("changes")),
        e.GetProperty("comment").GetString());

    private static readonly string[] CustomFieldNames = [.. Enumerable.Range(1, 10).Select(i => "customField" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static void WriteWindow(Utf8JsonWriter writer, MaintenanceWindow window)
    {
        writer.WriteString("objectId", window.ObjectId);
        writer.WriteString("rootObjectId", window.RootObjectId);
        writer.WriteString("start", StoredTime.UtcDateTime(window.Start));
        writer.WriteString("until", StoredTime.UtcDateTime(window.Until));
        writer.WriteString("reason", window.Reason.ToString());
        writer.WriteString("comment", window.Comment);
        writer.WriteString("by", window.By);
        writer.WriteBoolean("recursive", window.Recursive);
    }

    private static void WriteChanges(Utf8JsonWriter writer, ImmutableSortedDictionary<string, FieldChange> changes)
    {
        writer.WriteStartObject();
        foreach (var (field, change) in changes)
        {
            writer.WriteStartArray(field);
            writer.WriteStringValue(change.Old);
            writer.WriteStringValue(change.New);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, ImmutableArray<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values.IsDefault ? [] : values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, StoredTime.UtcDateTime(value));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, ChangeFeedEvent.WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
