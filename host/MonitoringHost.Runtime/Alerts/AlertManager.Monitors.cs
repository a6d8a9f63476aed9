using System.Xml;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Health;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Alerts;

public sealed partial class AlertManager
{
    /// <summary>The state changes of one engine step, in order (see <see cref="OnStateChange"/>).</summary>
    public void OnStateChanges(IEnumerable<StateChange> changes, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            OnStateChange(change, batch);
        }
    }

    /// <summary>
    /// What a unit, aggregate or dependency monitor's state change does to its alert. With no open alert for the
    /// monitor and object, entering a state the settings alert on raises one (not for an object in maintenance).
    /// With one open: a return to Success closes it when the settings auto-resolve; with MatchMonitorHealth its
    /// severity follows Warning and Error; nothing else changes it (Warning → Error raises no second alert).
    /// Returns the alert created or changed, or null.
    /// </summary>
    public Alert? OnStateChange(StateChange change, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(batch);
        var definition = _definitions.ForMonitor(change.MonitorId, out var firstUse);
        if (firstUse && definition is not null)
        {
            foreach (var problem in definition.Problems)
            {
                AlertLog.SettingsProblem(_logger, problem);
            }
        }

        if (definition is null)
        {
            return null;
        }

        if (_byMonitor.TryGetValue((definition.MonitorId, change.ObjectId), out var openId))
        {
            var open = _open[openId];
            if (change.NewState == HealthState.Success && definition.AutoResolve)
            {
                return Save(open, Closed(open, ChangeAuthor.System, change.Time), ChangeAuthor.System, $"Auto-resolved: the monitor changed from {change.OldState} to Success", batch);
            }

            return change.NewState is HealthState.Warning or HealthState.Error && definition.SeverityFor(change.NewState) != open.Severity
                ? Save(open, open with { Severity = definition.SeverityFor(change.NewState) }, ChangeAuthor.System, $"The monitor changed from {change.OldState} to {change.NewState}", batch)
                : null;
        }

        if (!definition.Raises(change.NewState) || !MayRaise(definition.MonitorId, change.ObjectId, out var target))
        {
            return null;
        }

        var data = new StateChangeData(change.Time, definition.ReadsContext ? ContextOf(change) : null);
        var parameters = definition.RenderParameters(data, text => BindTarget(text, target, definition.MonitorId));
        var alert = Raised(
            target,
            isMonitorAlert: true,
            definition.MonitorId,
            definition.ProblemId,
            definition.Name.Render(data, parameters),
            definition.Description.Render(data, parameters),
            definition.SeverityFor(change.NewState),
            definition.Priority,
            change.Time,
            ChangeAuthor.System.Name) with
        {
            Category = definition.Category,
            Context = change.Context,
            Parameters = [.. parameters],
        };
        Add(alert, batch);
        return alert;
    }

    /// <summary>Whether a workflow's alert may be raised for the object: it is in the instance space and not in maintenance.</summary>
    private bool MayRaise(string source, Guid objectId, out MonitoringObject target)
    {
        target = null!;
        if (_inMaintenance(objectId))
        {
            AlertLog.InMaintenance(_logger, source, objectId);
            return false;
        }

        if (_objects(objectId) is not { } found)
        {
            AlertLog.ObjectUnknown(_logger, source, objectId);
            return false;
        }

        target = found;
        return true;
    }

    private DataNode? ContextOf(StateChange change)
    {
        if (string.IsNullOrWhiteSpace(change.Context))
        {
            return null;
        }

        try
        {
            return DataItemXml.Parse(change.Context);
        }
        catch (XmlException e)
        {
            AlertLog.ContextNotXml(_logger, change.MonitorId, change.ObjectId, e.Message);
            return null;
        }
    }

    /// <summary>A parameter with its <c>$Target</c> tokens bound; one that cannot be bound is shown as written, and logged.</summary>
    private string BindTarget(string text, MonitoringObject target, string monitorId)
    {
        try
        {
            return _binder.BindText(text, target);
        }
        catch (TargetBindingException e)
        {
            AlertLog.TargetNotBound(_logger, monitorId, e.Message);
            return text;
        }
    }
}
