using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Alerts;

namespace MonitoringHost.Storage;

/// <summary>
/// An alert's change as the change feed holds it: the feed sequence, whether it created the alert, the alert as it
/// was right after the change, and (for an update) the history entry saying who changed what.
/// </summary>
public sealed record AlertFeedChange(long Sequence, bool Created, Alert Alert, AlertHistoryEntry? History)
{
    /// <summary>The kind of feed entry that created an alert.</summary>
    public const string CreatedKind = OperationsJson.AlertCreated;

    /// <summary>The kind of feed entry that changed an alert.</summary>
    public const string UpdatedKind = OperationsJson.AlertUpdated;

    /// <summary>The author of the change: the history's for an update; for a creation, who created it.</summary>
    public string ChangedBy => History?.By.Name ?? Alert.LastModifiedBy;

    /// <summary>The alert change in <paramref name="entry"/>, or null when the entry is not one.</summary>
    public static AlertFeedChange? From(ChangeFeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var created = entry.Kind == CreatedKind;
        if (!created && entry.Kind != UpdatedKind)
        {
            return null;
        }

        var (alert, history) = AlertFeedReader.Read(entry.Payload);
        return new AlertFeedChange(entry.Sequence, created, alert, history);
    }
}
