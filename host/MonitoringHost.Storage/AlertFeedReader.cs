using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using MonitoringHost.Runtime.Alerts;

namespace MonitoringHost.Storage;

/// <summary>
/// Reads an alert feed payload (as <c>OperationsJson.AlertCreatedEvent</c> and <c>AlertUpdatedEvent</c> write it) in
/// one pass over its UTF-8 bytes: a connector reads thousands of them per batch, and a document per payload with a
/// lookup per field cost most of a batch's time.
/// </summary>
internal static class AlertFeedReader
{
    public static (Alert Alert, AlertHistoryEntry? History) Read(string payload)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payload.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(payload, buffer);
            return Read(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (Alert Alert, AlertHistoryEntry? History) Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        Guid id = default, objectId = default, problemId = default;
        Guid? connectorId = null;
        string? name = null, description = null, category = null, objectName = null, objectPath = null, classId = null, ruleOrMonitorId = null;
        string? owner = null, ticketId = null, context = null, lastModifiedBy = null, resolvedBy = null;
        int severity = 0, priority = 0, resolutionState = 0, repeatCount = 0;
        var isMonitorAlert = false;
        long version = 0;
        DateTimeOffset timeRaised = default, timeAdded = default, lastModified = default;
        DateTimeOffset? timeResolved = null;
        var customFields = new string?[10];
        ImmutableArray<string> parameters = [], suppression = [];
        JsonDocument? history = null;
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader;
                reader.Read();
                if (field.ValueTextEquals("id"u8)) id = reader.GetGuid();
                else if (field.ValueTextEquals("name"u8)) name = reader.GetString();
                else if (field.ValueTextEquals("description"u8)) description = reader.GetString();
                else if (field.ValueTextEquals("severity"u8)) severity = reader.GetInt32();
                else if (field.ValueTextEquals("priority"u8)) priority = reader.GetInt32();
                else if (field.ValueTextEquals("resolutionState"u8)) resolutionState = reader.GetInt32();
                else if (field.ValueTextEquals("category"u8)) category = reader.GetString();
                else if (field.ValueTextEquals("monitoringObjectId"u8)) objectId = reader.GetGuid();
                else if (field.ValueTextEquals("monitoringObjectDisplayName"u8)) objectName = reader.GetString();
                else if (field.ValueTextEquals("monitoringObjectPath"u8)) objectPath = reader.GetString();
                else if (field.ValueTextEquals("monitoringClassId"u8)) classId = reader.GetString();
                else if (field.ValueTextEquals("isMonitorAlert"u8)) isMonitorAlert = reader.GetBoolean();
                else if (field.ValueTextEquals("ruleOrMonitorId"u8)) ruleOrMonitorId = reader.GetString();
                else if (field.ValueTextEquals("problemId"u8)) problemId = reader.GetGuid();
                else if (field.ValueTextEquals("repeatCount"u8)) repeatCount = reader.GetInt32();
                else if (field.ValueTextEquals("owner"u8)) owner = reader.GetString();
                else if (field.ValueTextEquals("ticketId"u8)) ticketId = reader.GetString();
                else if (CustomField(ref field) is { } number) customFields[number - 1] = reader.GetString();
                else if (field.ValueTextEquals("context"u8)) context = reader.GetString();
                else if (field.ValueTextEquals("parameters"u8)) parameters = Strings(ref reader);
                else if (field.ValueTextEquals("suppression"u8)) suppression = Strings(ref reader);
                else if (field.ValueTextEquals("timeRaised"u8)) timeRaised = reader.GetDateTimeOffset();
                else if (field.ValueTextEquals("timeAdded"u8)) timeAdded = reader.GetDateTimeOffset();
                else if (field.ValueTextEquals("lastModified"u8)) lastModified = reader.GetDateTimeOffset();
                else if (field.ValueTextEquals("lastModifiedBy"u8)) lastModifiedBy = reader.GetString();
                else if (field.ValueTextEquals("timeResolved"u8)) timeResolved = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
                else if (field.ValueTextEquals("resolvedBy"u8)) resolvedBy = reader.GetString();
                else if (field.ValueTextEquals("connectorId"u8)) connectorId = reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid();
                else if (field.ValueTextEquals("version"u8)) version = reader.GetInt64();
                else if (field.ValueTextEquals("history"u8)) history = JsonDocument.ParseValue(ref reader);
                else reader.Skip();
            }

            var alert = new Alert
            {
                Id = id,
                Name = name ?? throw Missing("name"),
                Description = description ?? throw Missing("description"),
                Severity = severity,
                Priority = priority,
                ResolutionState = resolutionState,
                Category = category,
                MonitoringObjectId = objectId,
                MonitoringObjectDisplayName = objectName ?? throw Missing("monitoringObjectDisplayName"),
                MonitoringObjectPath = objectPath ?? throw Missing("monitoringObjectPath"),
                MonitoringClassId = classId ?? throw Missing("monitoringClassId"),
                IsMonitorAlert = isMonitorAlert,
                RuleOrMonitorId = ruleOrMonitorId ?? throw Missing("ruleOrMonitorId"),
                ProblemId = problemId,
                RepeatCount = repeatCount,
                Owner = owner,
                TicketId = ticketId,
                CustomFields = [.. customFields],
                Context = context,
                Parameters = parameters,
                Suppression = suppression,
                TimeRaised = timeRaised,
                TimeAdded = timeAdded,
                LastModified = lastModified,
                LastModifiedBy = lastModifiedBy ?? throw Missing("lastModifiedBy"),
                TimeResolved = timeResolved,
                ResolvedBy = resolvedBy,
                ConnectorId = connectorId,
                Version = version,
            };
            return (alert, history is null ? null : OperationsJson.ReadHistory(alert.Id, history.RootElement));
        }
        finally
        {
            history?.Dispose();
        }
    }

    /// <summary>The number of a <c>customFieldN</c> property name (1–10), or null for another name.</summary>
    private static int? CustomField(ref Utf8JsonReader field)
    {
        const int prefix = 11; // "customField"
        var name = field.ValueSpan;
        if (field.ValueIsEscaped || name.Length is < prefix + 1 or > prefix + 2 || !name[..prefix].SequenceEqual("customField"u8))
        {
            return null;
        }

        var number = 0;
        foreach (var digit in name[prefix..])
        {
            number = number * 10 + (digit - (byte)'0');
        }

        return number is >= 1 and <= 10 ? number : null;
    }

    private static ImmutableArray<string> Strings(ref Utf8JsonReader reader)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.GetString()!);
        }

        return values.DrainToImmutable();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (!reader.Read() || reader.TokenType != token)
        {
            throw new InvalidDataException($"an alert feed payload does not start with {token}");
        }
    }

    private static InvalidDataException Missing(string field) => new($"an alert feed payload has no {field}");
}
