using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Alerts;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Maintenance;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Runtime.Overrides;

namespace MonitoringHost.Runtime.Operations;

/// <summary>
/// Health, alerts and maintenance together, over the operational store: what workflows report (monitor type states,
/// rule alerts), what the instance space does (objects come and go) and what people ask for (alert updates,
/// maintenance, health resets) all become steps of one <see cref="OperationsLoop"/>, so that a monitor's change, the
/// rollup it causes, the alerts that follow and their change feed entries are committed together. Maintenance
/// takes effect in the same step: the health model freezes the objects, the alert manager raises nothing for them
/// and the workflow host stops their workflows (and runs them at once when they leave).
/// </summary>
/// <remarks>
/// Start it after the instance space is open and before anything changes it (before the workflow host starts and
/// before discovery data is accepted); the workflow host must be built with this engine as its
/// <see cref="RuntimeServices.Alerts"/> and report to <see cref="WorkflowResults"/> given here.
/// </remarks>
public sealed class OperationsEngine : IAlertSink, IAsyncDisposable
{
    private readonly InstanceSpace _space;
    private readonly TimeProvider _time;
    private readonly OperationsLoop _loop;
    private readonly HealthModel _health;
    private readonly AlertManager _alerts;
    private readonly MaintenanceManager _maintenance;
    private WorkflowHost? _host;
    private WorkflowResults? _results;
    private ITimer? _ticker;
    private long _startSequence;

    public OperationsEngine(InstanceSpace space, IOperationsStore store, TimeProvider time, OperationsLoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        _space = space;
        _time = time;
        _loop = new OperationsLoop(store, time, options);
        Store = store;
        var classes = space.Classes;
        _health = new HealthModel(new HealthModelDefinition(classes), new OverrideResolver(classes, space));
        _maintenance = new MaintenanceManager(space, time);
        _alerts = new AlertManager(classes, space.Get, _maintenance.IsInMaintenance, time);
    }

    public IOperationsStore Store { get; }

    /// <summary>The loop's commit counters and failure, for metrics.</summary>
    public OperationsLoop Loop => _loop;

    /// <summary>
    /// Loads the stored state (monitor states, open alerts, maintenance, resolution states, recurring maintenance) into the models over the
    /// instance space as it is now, then follows the workflow host's results and the instance space's changes.
    /// </summary>
    public async Task StartAsync(WorkflowHost host, WorkflowResults results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(results);
        var snapshot = await Store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var schedules = await Store.ReadMaintenanceSchedulesAsync(cancellationToken).ConfigureAwait(false);
        _host = host;
        _results = results;
        await _loop.RunAsync(batch =>
        {
            var now = _time.GetUtcNow();
            _startSequence = _space.LastSequence;
            var everything = new InstanceSpaceChange(_space.OfClass("System.Entity"), [], [], _space.AllRelationships(), [], _startSequence);
            _health.ApplyInstanceSpaceChange(everything, now, batch);
            _health.Load(snapshot.States, now, batch);
            _alerts.Load(snapshot);
            _maintenance.Load(snapshot.Maintenance);
            _maintenance.SetSchedules(schedules);
            Apply(new MaintenanceChange([.. snapshot.Maintenance.Select(w => w.ObjectId)], []), now, batch);

            // Windows that ended while the host was down end now; a recurring window under way starts.
            Apply(_maintenance.Tick(batch), now, batch);
            return true;
        }).ConfigureAwait(false);

        results.MonitorStateChanged += OnMonitorStateChanged;
        _space.Changed += OnInstanceSpaceChanged;
        _ticker = _time.CreateTimer(_ => _loop.Post(batch => Apply(_maintenance.Tick(batch), _time.GetUtcNow(), batch)), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>A rule's alert (System.Health.GenerateAlert): raised, or repeated, with the next commit.</summary>
    public void Raise(AlertRequest alert) => _loop.Post(batch => _alerts.Raise(alert, batch));

    public Task<Alert> CreateAlertAsync(NewAlert alert, ChangeAuthor author) => _loop.RunAsync(batch => _alerts.Create(alert, author, batch));

    /// <summary>Creates the alerts together, all or none, in one commit; answered once they are durable.</summary>
    public Task<IReadOnlyList<Alert>> CreateAlertsAsync(IReadOnlyList<NewAlert> alerts, ChangeAuthor author) => _loop.RunAsync(batch => _alerts.CreateMany(alerts, author, batch));

    public Task<Alert> UpdateAlertAsync(Guid id, AlertPatch patch, ChangeAuthor author, long? expectedVersion = null) =>
        _loop.RunAsync(batch => _alerts.Update(id, patch, author, batch, expectedVersion));

    public Task<AlertBatchUpdateResult> UpdateAlertsAsync(IEnumerable<Guid> ids, AlertPatch patch, ChangeAuthor author) =>
        _loop.RunAsync(batch => _alerts.UpdateMany([.. ids], patch, author, batch));

    /// <summary>Releases the open alerts marked for a deleted connector (see <see cref="AlertManager.ReleaseConnector"/>).</summary>
    public Task<IReadOnlyList<Alert>> ReleaseConnectorAsync(Guid connectorId, string connectorName) =>
        _loop.RunAsync(batch => _alerts.ReleaseConnector(connectorId, connectorName, batch));

    public Task<ResolutionState> AddResolutionStateAsync(int code, string name) => _loop.RunAsync(batch => _alerts.AddResolutionState(code, name, batch));

    public Task<Alert?> AlertAsync(Guid id) => _loop.RunAsync(_ => _alerts.Get(id));

    public Task<IReadOnlyList<Alert>> OpenAlertsAsync() => _loop.RunAsync<IReadOnlyList<Alert>>(_ => [.. _alerts.OpenAlerts]);

    public Task<IReadOnlyList<ResolutionState>> ResolutionStatesAsync() => _loop.RunAsync(_ => _alerts.ResolutionStates);

    public Task<MaintenanceChange> StartMaintenanceAsync(Guid objectId, DateTimeOffset until, MaintenanceReason reason, string? comment, string by, bool recursive = true) =>
        _loop.RunAsync(batch => Apply(_maintenance.Start(objectId, until, reason, comment, by, recursive, batch), _time.GetUtcNow(), batch));

    public Task<MaintenanceChange> ChangeMaintenanceAsync(Guid objectId, DateTimeOffset? until, string? comment, string by) =>
        _loop.RunAsync(batch => Apply(_maintenance.Change(objectId, until, comment, by, batch), _time.GetUtcNow(), batch));

    public Task<MaintenanceChange> StopMaintenanceAsync(Guid objectId, string by) =>
        _loop.RunAsync(batch => Apply(_maintenance.Stop(objectId, by, batch), _time.GetUtcNow(), batch));

    public Task<IReadOnlyList<MaintenanceWindow>> MaintenanceAsync() => _loop.RunAsync<IReadOnlyList<MaintenanceWindow>>(_ => [.. _maintenance.Active]);

    /// <summary>The recurring maintenance windows (all of them; a schedule that cannot be read is refused and none is taken).</summary>
    public Task SetMaintenanceSchedulesAsync(IEnumerable<MaintenanceSchedule> schedules) =>
        _loop.RunAsync(batch =>
        {
            _maintenance.SetSchedules(schedules);
            return Apply(_maintenance.Tick(batch), _time.GetUtcNow(), batch);
        });

    /// <summary>
    /// Resets a monitor's health (explicitly, as an operator does): a unit monitor goes back to healthy, an aggregate
    /// resets the unit monitors below it; alerts follow (an auto-resolving alert closes). The workflow forgets its
    /// monitor type state, so its next detection is reported whatever it is.
    /// </summary>
    public Task<MonitorApplyOutcome> ResetMonitorAsync(Guid objectId, string monitorId) =>
        _loop.RunAsync(batch =>
        {
            var outcome = WithAlerts(batch, () => _health.ResetMonitor(objectId, monitorId, _time.GetUtcNow(), batch));
            foreach (var instance in _host?.InstancesOf(objectId) ?? [])
            {
                if (instance.Workflow.Kind == Compilation.WorkflowKind.UnitMonitor)
                {
                    instance.MonitorTypeState = null;
                }
            }

            return outcome;
        });

    /// <summary>Marks a computer reachable or not (the agentless heartbeat): it and what it hosts are greyed while not.</summary>
    public Task<bool> SetAvailabilityAsync(Guid objectId, bool available) =>
        _loop.RunAsync(batch => _health.SetAvailability(objectId, available, _time.GetUtcNow(), batch));

    public Task<ObjectHealthSummary?> SummaryAsync(Guid objectId) => _loop.RunAsync(_ => _health.Summary(objectId));

    /// <summary>The health summaries of many objects in one step (an object the model does not know is left out).</summary>
    public Task<IReadOnlyDictionary<Guid, ObjectHealthSummary>> SummariesAsync(IReadOnlyList<Guid> objectIds) =>
        _loop.RunAsync<IReadOnlyDictionary<Guid, ObjectHealthSummary>>(_ =>
            objectIds.Select(_health.Summary).OfType<ObjectHealthSummary>().ToDictionary(s => s.ObjectId));

    public Task<HealthExplorerNode?> ExplorerAsync(Guid objectId) => _loop.RunAsync(_ => _health.Explorer(objectId));

    public Task<HealthState?> StateAsync(Guid objectId, string monitorId) => _loop.RunAsync(_ => _health.State(objectId, monitorId));

    /// <summary>Completes once everything reported so far is committed.</summary>
    public Task FlushAsync() => _loop.FlushAsync();

    public async ValueTask DisposeAsync()
    {
        if (_results is not null)
        {
            _results.MonitorStateChanged -= OnMonitorStateChanged;
        }

        _space.Changed -= OnInstanceSpaceChanged;
        if (_ticker is not null)
        {
            await _ticker.DisposeAsync().ConfigureAwait(false);
        }

        await _loop.DisposeAsync().ConfigureAwait(false);
    }

    private void OnMonitorStateChanged(object? sender, MonitorStateChange change)
    {
        var time = change.Cause.Time;
        var context = change.Cause.ToXml();
        _loop.Post(batch => WithAlerts(batch, () => _health.ApplyMonitorState(change.TargetId, change.WorkflowId, change.State, time, context, batch)));
    }

    private void OnInstanceSpaceChanged(object? sender, InstanceSpaceChange change) =>
        _loop.Post(batch =>
        {
            if (change.LastSequence <= _startSequence)
            {
                return;
            }

            var now = _time.GetUtcNow();
            var maintenance = _maintenance.Follow(change, batch);
            WithAlerts(batch, () => _health.ApplyInstanceSpaceChange(change, now, batch));
            _alerts.ObjectsRemoved([.. change.RemovedObjects.Select(o => o.Id)], batch);
            Apply(maintenance, now, batch);
        });

    /// <summary>Runs a health model change, then hands the state changes it made to the alert manager, in the same step.</summary>
    private T WithAlerts<T>(OperationsBatch batch, Func<T> change)
    {
        var from = batch.StateChanges.Count;
        var result = change();
        _alerts.OnStateChanges(batch.StateChanges.Skip(from), batch);
        return result;
    }

    private void WithAlerts(OperationsBatch batch, Action change) => WithAlerts(batch, () =>
    {
        change();
        return true;
    });

    /// <summary>What entering and leaving maintenance does to health, alerts and workflows, in the same step.</summary>
    private MaintenanceChange Apply(MaintenanceChange change, DateTimeOffset now, OperationsBatch batch)
    {
        foreach (var id in change.Entered)
        {
            _health.SetMaintenance(id, true, now, batch);
        }

        // Leaving maintenance catches monitors up with what they saw meanwhile: alerts follow those changes.
        WithAlerts(batch, () =>
        {
            foreach (var id in change.Left)
            {
                _health.SetMaintenance(id, false, now, batch);
            }
        });
        _host?.Suspend(change.Entered);
        _host?.Resume(change.Left);
        return change;
    }
}
