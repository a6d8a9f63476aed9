using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Maintenance;

namespace MonitoringHost.Runtime.Operations;

/// <summary>
/// Where health, alerts and maintenance live between restarts (the operational store). Implemented by storage
/// (SQLite, PostgreSQL) on the same database as the instance space, sharing its change feed.
/// </summary>
public interface IOperationsStore
{
    /// <summary>What a starting host needs: every monitor state, open alerts, active maintenance, resolution states.</summary>
    Task<OperationsSnapshot> LoadAsync(CancellationToken cancellationToken);

    /// <summary>The recurring maintenance windows (saved through the API; a starting host schedules them).</summary>
    Task<IReadOnlyList<MaintenanceSchedule>> ReadMaintenanceSchedulesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="batch"/> and its change feed events in one transaction, durable on return; all or
    /// nothing. Feed events, in this order: <c>health.changed</c> per state change, <c>alert.created</c> per new
    /// alert, <c>alert.updated</c> per update, then the maintenance events in the order they happened:
    /// <c>maintenance.ended</c> of windows that started before the batch, then <c>maintenance.started</c> (or changed)
    /// per window, each followed by its <c>maintenance.ended</c> when it also ended in the batch.
    /// </summary>
    Task CommitAsync(OperationsBatch batch, CancellationToken cancellationToken);
}

/// <summary>The state a host starts from.</summary>
public sealed record OperationsSnapshot(
    IReadOnlyList<MonitorStateRecord> States,
    IReadOnlyList<Alert> OpenAlerts,
    IReadOnlyList<MaintenanceWindow> Maintenance,
    IReadOnlyList<ResolutionState> ResolutionStates);

/// <summary>
/// Everything one step of the health model, alert manager and maintenance changed, committed together. The
/// in-memory models fill it; the store writes it. A batch may hold many steps (group commit): later entries for the
/// same monitor state or alert supersede earlier ones.
/// </summary>
public sealed class OperationsBatch
{
    /// <summary>Current monitor states to insert or replace (key: object, monitor).</summary>
    public List<MonitorStateRecord> States { get; } = [];

    /// <summary>Removed objects whose monitor states are deleted.</summary>
    public List<Guid> RemovedObjects { get; } = [];

    /// <summary>State changes to append (history, and the feed).</summary>
    public List<StateChange> StateChanges { get; } = [];

    /// <summary>New alerts.</summary>
    public List<Alert> CreatedAlerts { get; } = [];

    /// <summary>Changed alerts (the whole alert as it is now) with the history entry that says what changed.</summary>
    public List<(Alert Alert, AlertHistoryEntry History)> UpdatedAlerts { get; } = [];

    /// <summary>Maintenance windows started or changed (key: object).</summary>
    public List<MaintenanceWindow> MaintenanceStarted { get; } = [];

    /// <summary>Maintenance that ended, with the time it ended.</summary>
    public List<(MaintenanceWindow Window, DateTimeOffset Ended)> MaintenanceEnded { get; } = [];

    /// <summary>Custom resolution states added or renamed.</summary>
    public List<ResolutionState> ResolutionStates { get; } = [];

    /// <summary>How many entries the batch holds in all (about the rows it writes).</summary>
    public int Count =>
        States.Count + RemovedObjects.Count + StateChanges.Count + CreatedAlerts.Count + UpdatedAlerts.Count +
        MaintenanceStarted.Count + MaintenanceEnded.Count + ResolutionStates.Count;

    /// <summary>Adds everything <paramref name="later"/> holds after what this batch holds (group commit).</summary>
    public void Append(OperationsBatch later)
    {
        ArgumentNullException.ThrowIfNull(later);
        States.AddRange(later.States);
        RemovedObjects.AddRange(later.RemovedObjects);
        StateChanges.AddRange(later.StateChanges);
        CreatedAlerts.AddRange(later.CreatedAlerts);
        UpdatedAlerts.AddRange(later.UpdatedAlerts);
        MaintenanceStarted.AddRange(later.MaintenanceStarted);
        MaintenanceEnded.AddRange(later.MaintenanceEnded);
        ResolutionStates.AddRange(later.ResolutionStates);
    }

    public bool IsEmpty =>
        States.Count == 0 && RemovedObjects.Count == 0 && StateChanges.Count == 0 && CreatedAlerts.Count == 0 &&
        UpdatedAlerts.Count == 0 && MaintenanceStarted.Count == 0 && MaintenanceEnded.Count == 0 && ResolutionStates.Count == 0;
}
