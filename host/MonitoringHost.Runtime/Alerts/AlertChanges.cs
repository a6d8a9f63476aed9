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
        var changes = ImmutableSortedDictionary.CreateBuilder<string, FieldChange>(StringComparer.Ordinal);
        Add(changes, "name", old.Name, now.Name);
        Add(changes, "description", old.Description, now.Description);
        Add(changes, "severity", Number(old.Severity), Number(now.Severity));
        Add(changes, "priority", Number(old.Priority), Number(now.Priority));
        Add(changes, "resolutionState", Number(old.ResolutionState), Number(now.ResolutionState));
        Add(changes, "owner", old.Owner, now.Owner);
        Add(changes, "ticketId", old.TicketId, now.TicketId);
        for (var i = 0; i < now.CustomFields.Length; i++)
        {
            Add(changes, $"customField{i + 1}", old.CustomFields[i], now.CustomFields[i]);
        }

        Add(changes, "repeatCount", Number(old.RepeatCount), Number(now.RepeatCount));
        Add(changes, "timeResolved", Time(old.TimeResolved), Time(now.TimeResolved));
        Add(changes, "resolvedBy", old.ResolvedBy, now.ResolvedBy);
        Add(changes, "connectorId", old.ConnectorId?.ToString("D"), now.ConnectorId?.ToString("D"));
        return changes.ToImmutable();
    }

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static string? Time(DateTimeOffset? time) => time is { } value ? Time(value) : null;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Add(ImmutableSortedDictionary<string, FieldChange>.Builder changes, string field, string? old, string? now)
    {
        if (!string.Equals(old, now, StringComparison.Ordinal))
        {
            changes.Add(field, new FieldChange(old, now));
        }
    }
}
