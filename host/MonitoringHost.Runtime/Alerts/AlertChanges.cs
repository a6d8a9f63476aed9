using System.Collections.Immutable;
using System.Globalization;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// The fields that differ between two versions of an alert, as a history entry lists them: API field names
/// (camelCase), values as text (numbers invariant, times ISO 8601 UTC, null where unset). Bookkeeping fields
/// (version, lastModified, lastModifiedBy) are not listed: every entry changes them.
/// </summary>
internal static class AlertChanges
{
    public static ImmutableSortedDictionary<string, FieldChange> Between(Alert old, Alert now)
    {
        // Values are compared as they are and formatted only when they differ: a repeat or a severity change is on
        // the engine loop's hot path, and most fields never change.
        var changes = ImmutableSortedDictionary.CreateBuilder<string, FieldChange>(StringComparer.Ordinal);
        Add(changes, "name", old.Name, now.Name);
        Add(changes, "description", old.Description, now.Description);
        Add(changes, "severity", old.Severity, now.Severity);
        Add(changes, "priority", old.Priority, now.Priority);
        Add(changes, "resolutionState", old.ResolutionState, now.ResolutionState);
        Add(changes, "owner", old.Owner, now.Owner);
        Add(changes, "ticketId", old.TicketId, now.TicketId);
        if (old.CustomFields != now.CustomFields)
        {
            for (var i = 0; i < now.CustomFields.Length; i++)
            {
                Add(changes, $"customField{i + 1}", old.CustomFields[i], now.CustomFields[i]);
            }
        }

        Add(changes, "repeatCount", old.RepeatCount, now.RepeatCount);
        if (old.TimeResolved != now.TimeResolved)
        {
            changes.Add("timeResolved", new FieldChange(Time(old.TimeResolved), Time(now.TimeResolved)));
        }

        Add(changes, "resolvedBy", old.ResolvedBy, now.ResolvedBy);
        if (old.ConnectorId != now.ConnectorId)
        {
            changes.Add("connectorId", new FieldChange(old.ConnectorId?.ToString("D"), now.ConnectorId?.ToString("D")));
        }

        return changes.ToImmutable();
    }

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? time) => time is { } value ? Time(value) : null;

    private static void Add(ImmutableSortedDictionary<string, FieldChange>.Builder changes, string field, int old, int now)
    {
        if (old != now)
        {
            changes.Add(field, new FieldChange(old.ToString(CultureInfo.InvariantCulture), now.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void Add(ImmutableSortedDictionary<string, FieldChange>.Builder changes, string field, string? old, string? now)
    {
        if (!string.Equals(old, now, StringComparison.Ordinal))
        {
            changes.Add(field, new FieldChange(old, now));
        }
    }
}
