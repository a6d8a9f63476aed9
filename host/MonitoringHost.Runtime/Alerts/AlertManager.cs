using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// The alerts in memory (mp-format.md §8.4, API.md "Alerts"): raised by monitors from their state changes, by rules
/// from alert requests and through the SDK; updated by users and connectors; closed by auto-resolve or when their
/// object leaves the instance space. Every call is made on the engine's one loop, so nothing here locks; every
/// mutation appends what it changed to the caller's <see cref="OperationsBatch"/>, which the engine commits.
/// Holds the open alerts and the last <see cref="ClosedAlertsKept"/> closed ones (older closed alerts live in the
/// store; <see cref="Restore"/> brings one back for an update). The rules and the choices where Operations Manager
/// is unclear are in the project README ("Alerts").
/// </summary>
public sealed partial class AlertManager
{
    private readonly Func<Guid, MonitoringObject?> _objects;
    private readonly Func<Guid, bool> _inMaintenance;
    private readonly TimeProvider _time;
    private readonly RuntimeOptions _options;
    private readonly ILogger _logger;
    private readonly ResolutionStateCatalog _states = new();
    private readonly Dictionary<Guid, Alert> _open = [];
    private readonly Dictionary<Guid, Alert> _closed = [];
    private readonly Queue<(Guid Id, long Version)> _closedOrder = new();
    private readonly Dictionary<(string MonitorId, Guid ObjectId), Guid> _byMonitor = [];
    private readonly Dictionary<SuppressionKey, Guid> _bySuppression = [];
    private AlertDefinitions _definitions;
    private TargetBinder _binder;

    /// <param name="classes">The pack set's classes (and through them its monitors, rules and string resources).</param>
    /// <param name="objects">The instance space's objects by id.</param>
    /// <param name="inMaintenance">Whether an object is in maintenance now: no alert is raised for it.</param>
    /// <param name="time">The clock for TimeAdded, LastModified and history times.</param>
    /// <param name="options">The management group <c>$Target/ManagementGroup/…$</c> parameters name.</param>
    public AlertManager(ClassCatalog classes, Func<Guid, MonitoringObject?> objects, Func<Guid, bool> inMaintenance, TimeProvider time, RuntimeOptions? options = null, ILogger<AlertManager>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        _objects = objects ?? throw new ArgumentNullException(nameof(objects));
        _inMaintenance = inMaintenance ?? throw new ArgumentNullException(nameof(inMaintenance));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new RuntimeOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        (_definitions, _binder) = ForPacks(classes);
    }

    /// <summary>How many closed alerts stay in memory (the most recently closed); older ones are in the store only.</summary>
    public int ClosedAlertsKept { get; init; } = 10_000;

    /// <summary>Every open alert.</summary>
    public IReadOnlyCollection<Alert> OpenAlerts => _open.Values;

    /// <summary>The resolution states, by code: 0 New, the built-ins, custom ones, 255 Closed.</summary>
    public IReadOnlyList<ResolutionState> ResolutionStates => _states.All;

    /// <summary>Reads monitors, rules and alert messages from a newly imported pack set from now on.</summary>
    public void UsePacks(ClassCatalog classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        (_definitions, _binder) = ForPacks(classes);
    }

    /// <summary>
    /// Starts from what the store kept: its open alerts and resolution states replace whatever the manager held, so
    /// that a monitor's open alert and a rule's suppressed alert take the next state change or repeat exactly as
    /// before the restart.
    /// </summary>
    public void Load(OperationsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _open.Clear();
        _closed.Clear();
        _closedOrder.Clear();
        _byMonitor.Clear();
        _bySuppression.Clear();
        _states.Reset(snapshot.ResolutionStates);
        foreach (var alert in snapshot.OpenAlerts.Where(a => a.IsOpen).OrderBy(a => a.TimeRaised).ThenBy(a => a.TimeAdded))
        {
            if (OpenHolder(alert) is { } older)
            {
                AlertLog.DuplicateOpenAlert(_logger, older, alert.Id, Describe(alert));
            }

            _open[alert.Id] = alert;
            Index(alert);
        }
    }

    /// <summary>The alert with <paramref name="id"/>, open or recently closed; null when the manager does not hold it.</summary>
    public Alert? Get(Guid id) => _open.GetValueOrDefault(id) ?? _closed.GetValueOrDefault(id);

    /// <summary>The open alert of <paramref name="monitorId"/> (element ID or <c>Pack!Id</c>) on an object, if any.</summary>
    public Alert? OpenAlertOf(string monitorId, Guid objectId)
    {
        ArgumentNullException.ThrowIfNull(monitorId);
        return _byMonitor.TryGetValue((AlertDefinitions.ElementId(monitorId), objectId), out var id) ? _open[id] : null;
    }

    /// <summary>
    /// Makes a closed alert read from the store known again, so that it can be updated (a comment, or reopening).
    /// An alert the manager holds is returned as it holds it. Open alerts come from <see cref="Load"/> only.
    /// </summary>
    public Alert Restore(Alert stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (Get(stored.Id) is { } known)
        {
            return known;
        }

        if (stored.IsOpen)
        {
            throw new ArgumentException($"alert {stored.Id:D} is open: open alerts come from Load, and one the manager does not hold is not open any more", nameof(stored));
        }

        KeepClosed(stored);
        return stored;
    }

    /// <summary>Adds a custom resolution state (code 1–254, a name no other state has).</summary>
    public ResolutionState AddResolutionState(int code, string name, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var state = _states.Add(code, name ?? "");
        batch.ResolutionStates.Add(state);
        return state;
    }

    private (AlertDefinitions, TargetBinder) ForPacks(ClassCatalog classes) =>
        (new AlertDefinitions(classes.Packs), new TargetBinder(classes, _objects, _options.ManagementGroupName, _options.ManagementGroupId));

    /// <summary>A new open alert for <paramref name="target"/>, added to TimeAdded now by <paramref name="by"/>; the caller sets what else it knows.</summary>
    private Alert Raised(MonitoringObject target, bool isMonitorAlert, string ruleOrMonitorId, Guid problemId, string name, string description, int severity, int priority, DateTimeOffset timeRaised, string by)
    {
        var now = _time.GetUtcNow();
        return new Alert
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Description = description,
            Severity = severity,
            Priority = priority,
            MonitoringObjectId = target.Id,
            MonitoringObjectDisplayName = target.DisplayName,
            MonitoringObjectPath = target.Path,
            MonitoringClassId = target.ClassName,
            IsMonitorAlert = isMonitorAlert,
            RuleOrMonitorId = ruleOrMonitorId,
            ProblemId = problemId,
            TimeRaised = timeRaised,
            TimeAdded = now,
            LastModified = now,
            LastModifiedBy = by,
        };
    }

    private void Add(Alert alert, OperationsBatch batch)
    {
        _open.Add(alert.Id, alert);
        Index(alert);
        batch.CreatedAlerts.Add(alert);
    }

    /// <summary>
    /// Records <paramref name="changed"/> as the next version of <paramref name="current"/>, with a history entry
    /// listing what differs, by <paramref name="by"/>. Nothing happens when nothing differs and there is no comment.
    /// </summary>
    private Alert Save(Alert current, Alert changed, ChangeAuthor by, string? comment, OperationsBatch batch)
    {
        var changes = AlertChanges.Between(current, changed);
        if (changes.Count == 0 && comment is null)
        {
            return current;
        }

        var now = _time.GetUtcNow();
        var saved = changed with { Version = current.Version + 1, LastModified = now, LastModifiedBy = by.Name };
        if (current.IsOpen)
        {
            _open.Remove(current.Id);
            Unindex(current);
        }
        else
        {
            _closed.Remove(current.Id);
        }

        if (saved.IsOpen)
        {
            _open.Add(saved.Id, saved);
            Index(saved);
        }
        else
        {
            KeepClosed(saved);
        }

        batch.UpdatedAlerts.Add((saved, new AlertHistoryEntry(saved.Id, saved.Version, now, by, changes, comment)));
        return saved;
    }

    private static Alert Closed(Alert alert, ChangeAuthor by, DateTimeOffset resolved) =>
        alert with { ResolutionState = Alert.Closed, TimeResolved = resolved, ResolvedBy = by.Name };

    private void KeepClosed(Alert alert)
    {
        _closed[alert.Id] = alert;
        _closedOrder.Enqueue((alert.Id, alert.Version));
        while (_closed.Count > ClosedAlertsKept && _closedOrder.TryDequeue(out var oldest))
        {
            // An entry is stale when the alert changed (or was reopened) after it was queued: a later entry stands for it.
            if (_closed.TryGetValue(oldest.Id, out var closed) && closed.Version == oldest.Version)
            {
                _closed.Remove(oldest.Id);
            }
        }
    }

    /// <summary>The open alert that holds the key <paramref name="alert"/> would take (its monitor and object, or its suppression).</summary>
    private Guid? OpenHolder(Alert alert) =>
        alert.IsMonitorAlert ? (_byMonitor.TryGetValue((alert.RuleOrMonitorId, alert.MonitoringObjectId), out var id) ? id : null)
        : alert.HasSuppression ? (_bySuppression.TryGetValue(SuppressionKey.Of(alert.RuleOrMonitorId, alert.MonitoringObjectId, alert.Suppression), out var other) ? other : null)
        : null;

    private void Index(Alert alert)
    {
        if (alert.IsMonitorAlert)
        {
            _byMonitor[(alert.RuleOrMonitorId, alert.MonitoringObjectId)] = alert.Id;
        }
        else if (alert.HasSuppression)
        {
            _bySuppression[SuppressionKey.Of(alert.RuleOrMonitorId, alert.MonitoringObjectId, alert.Suppression)] = alert.Id;
        }
    }

    private void Unindex(Alert alert)
    {
        if (alert.IsMonitorAlert)
        {
            var key = (alert.RuleOrMonitorId, alert.MonitoringObjectId);
            if (_byMonitor.TryGetValue(key, out var id) && id == alert.Id)
            {
                _byMonitor.Remove(key);
            }
        }
        else if (alert.HasSuppression)
        {
            var key = SuppressionKey.Of(alert.RuleOrMonitorId, alert.MonitoringObjectId, alert.Suppression);
            if (_bySuppression.TryGetValue(key, out var id) && id == alert.Id)
            {
                _bySuppression.Remove(key);
            }
        }
    }

    private static string Describe(Alert alert) => alert.IsMonitorAlert
        ? $"monitor {alert.RuleOrMonitorId} on {alert.MonitoringObjectPath}"
        : $"rule {alert.RuleOrMonitorId} on {alert.MonitoringObjectPath} with suppression values [{string.Join(", ", alert.Suppression)}]";

    /// <summary>
    /// A rule, an object and suppression values. The values are written length-prefixed, so that no text a value can
    /// hold makes two different lists equal.
    /// </summary>
    private readonly record struct SuppressionKey(string RuleId, Guid ObjectId, string Values)
    {
        public static SuppressionKey Of(string ruleId, Guid objectId, IEnumerable<string> values)
        {
            var text = new StringBuilder();
            foreach (var value in values)
            {
                text.Append(value.Length).Append(':').Append(value);
            }

            return new SuppressionKey(ruleId, objectId, text.ToString());
        }
    }
}
