using MonitoringHost.Discovery.Storage;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Storage;

/// <summary>
/// An <see cref="OperationsBatch"/> checked and reduced to the rows a commit writes: one row per key where later
/// entries supersede earlier ones (monitor states, alerts, maintenance windows, resolution states), every append-only
/// entry (state changes, history), and the feed events in the order <see cref="IOperationsStore.CommitAsync"/> gives.
/// </summary>
internal sealed class OperationRows
{
    private OperationRows(OperationsBatch batch)
    {
        States = LastPerKey(batch.States, s => (s.ObjectId, s.MonitorId));
        RemovedObjects = [.. batch.RemovedObjects.Distinct()];
        StateChanges = batch.StateChanges;
        History = [.. batch.UpdatedAlerts.Select(u => u.History)];
        MaintenanceStarted = LastPerKey(batch.MaintenanceStarted, w => w.ObjectId);
        MaintenanceEnded = batch.MaintenanceEnded;
        ResolutionStates = LastPerKey(batch.ResolutionStates, r => r.Code);

        // An alert created and changed in one batch is written once, as it was last; closed alerts go first, so that
        // a batch which closes a monitor's alert and opens its next one never holds both open on the way.
        var alerts = LastPerKey([.. batch.CreatedAlerts, .. batch.UpdatedAlerts.Select(u => u.Alert)], a => a.Id);
        Alerts = [.. alerts.Where(a => !a.IsOpen), .. alerts.Where(a => a.IsOpen)];

        var feed = new List<ChangeFeedEvent>(batch.StateChanges.Count + batch.CreatedAlerts.Count + batch.UpdatedAlerts.Count +
            batch.MaintenanceStarted.Count + batch.MaintenanceEnded.Count);
        feed.AddRange(batch.StateChanges.Select(OperationsJson.StateChangeEvent));
        feed.AddRange(batch.CreatedAlerts.Select(OperationsJson.AlertCreatedEvent));
        feed.AddRange(batch.UpdatedAlerts.Select(u => OperationsJson.AlertUpdatedEvent(u.Alert, u.History)));
        feed.AddRange(MaintenanceInOrder(batch).Select(e => e.Ended is { } ended
            ? OperationsJson.MaintenanceEndedEvent(e.Window, ended)
            : OperationsJson.MaintenanceStartedEvent(e.Window)));
        Feed = feed;
    }

    /// <summary>
    /// The maintenance events of a batch in the order they happened, for the feed: first the ends of windows that
    /// started before this batch, then each window started (or changed) in it, followed, after its last entry, by its
    /// end when it also ended in this batch. So a window that ends and a new one that starts for the same object read
    /// "ended" then "started", and a window that started and ended within the batch reads "started" then "ended",
    /// whatever order a group commit gathered them in. (A window is known by its object and start.)
    /// </summary>
    private static IEnumerable<(MaintenanceWindow Window, DateTimeOffset? Ended)> MaintenanceInOrder(OperationsBatch batch)
    {
        var last = new Dictionary<(Guid, DateTimeOffset), int>();
        for (var i = 0; i < batch.MaintenanceStarted.Count; i++)
        {
            last[(batch.MaintenanceStarted[i].ObjectId, batch.MaintenanceStarted[i].Start)] = i;
        }

        var endedHere = batch.MaintenanceEnded.Where(e => last.ContainsKey((e.Window.ObjectId, e.Window.Start)))
            .ToLookup(e => (e.Window.ObjectId, e.Window.Start));
        foreach (var (window, ended) in batch.MaintenanceEnded.Where(e => !last.ContainsKey((e.Window.ObjectId, e.Window.Start))))
        {
            yield return (window, ended);
        }

        for (var i = 0; i < batch.MaintenanceStarted.Count; i++)
        {
            var window = batch.MaintenanceStarted[i];
            yield return (window, null);
            if (last[(window.ObjectId, window.Start)] == i)
            {
                foreach (var (endedWindow, ended) in endedHere[(window.ObjectId, window.Start)])
                {
                    yield return (endedWindow, ended);
                }
            }
        }
    }

    /// <summary>Monitor states to upsert, one per (object, monitor).</summary>
    public IReadOnlyList<MonitorStateRecord> States { get; }

    /// <summary>Objects whose monitor states are deleted (after the upserts: a removed object keeps none).</summary>
    public IReadOnlyList<Guid> RemovedObjects { get; }

    public IReadOnlyList<StateChange> StateChanges { get; }

    /// <summary>Alerts to upsert, one per id, the closed ones first.</summary>
    public IReadOnlyList<Alert> Alerts { get; }

    public IReadOnlyList<AlertHistoryEntry> History { get; }

    /// <summary>Windows to upsert, one per object.</summary>
    public IReadOnlyList<MaintenanceWindow> MaintenanceStarted { get; }

    /// <summary>
    /// Windows to delete (after the upserts), each only where the stored window started when the ended one did: a
    /// batch that ends an object's maintenance and starts a new one leaves the new one, in whatever order it lists them.
    /// </summary>
    public IReadOnlyList<(MaintenanceWindow Window, DateTimeOffset Ended)> MaintenanceEnded { get; }

    public IReadOnlyList<ResolutionState> ResolutionStates { get; }

    public IReadOnlyList<ChangeFeedEvent> Feed { get; }

    /// <summary>Rows the commit writes (for the SQLite checkpoint's count).</summary>
    public int Count => States.Count + RemovedObjects.Count + StateChanges.Count + Alerts.Count + History.Count +
        MaintenanceStarted.Count + MaintenanceEnded.Count + ResolutionStates.Count + Feed.Count;

    /// <summary>
    /// Checks <paramref name="batch"/> (throws <see cref="ArgumentException"/> naming what is wrong, or
    /// <see cref="OpenMonitorAlertConflictException"/> when it would leave two open alerts of one monitor on one object)
    /// and returns its rows.
    /// </summary>
    public static OperationRows From(OperationsBatch batch)
    {
        foreach (var alert in batch.CreatedAlerts.Concat(batch.UpdatedAlerts.Select(u => u.Alert)))
        {
            Check(alert);
        }

        foreach (var state in batch.ResolutionStates)
        {
            CheckCustom(state, nameof(batch));
        }

        var rows = new OperationRows(batch);
        var open = new Dictionary<(string, Guid), Alert>();
        foreach (var alert in rows.Alerts.Where(a => a.IsMonitorAlert && a.IsOpen))
        {
            if (!open.TryAdd((alert.RuleOrMonitorId, alert.MonitoringObjectId), alert))
            {
                throw new OpenMonitorAlertConflictException(alert.Id, alert.RuleOrMonitorId, alert.MonitoringObjectId, open[(alert.RuleOrMonitorId, alert.MonitoringObjectId)].Id);
            }
        }

        return rows;
    }

    /// <summary>Throws unless <paramref name="state"/> may be added or renamed (codes 1–254).</summary>
    public static void CheckCustom(ResolutionState state, string parameterName)
    {
        if (state.Code is < 1 or > 254)
        {
            throw new ArgumentException($"the resolution state {state.Code} ('{state.Name}') cannot be added or renamed: custom codes are 1-254; 0 New and 255 Closed are fixed", parameterName);
        }
    }

    private static void Check(Alert alert)
    {
        if (alert.CustomFields.IsDefault || alert.CustomFields.Length != 10)
        {
            throw new ArgumentException($"the alert {alert.Id} ('{alert.Name}') has {(alert.CustomFields.IsDefault ? 0 : alert.CustomFields.Length)} custom fields where ten are kept", nameof(alert));
        }

        if (alert.ResolutionState is < 0 or > 255)
        {
            throw new ArgumentException($"the alert {alert.Id} ('{alert.Name}') has the resolution state {alert.ResolutionState}, outside 0-255", nameof(alert));
        }
    }

    private static List<T> LastPerKey<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> key)
        where TKey : notnull
    {
        if (items.Count < 2)
        {
            return [.. items];
        }

        var last = new Dictionary<TKey, int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            last[key(items[i])] = i;
        }

        var rows = new List<T>(last.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (last[key(items[i])] == i)
            {
                rows.Add(items[i]);
            }
        }

        return rows;
    }
}
