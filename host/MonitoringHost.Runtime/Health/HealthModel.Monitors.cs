using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Health;

public sealed partial class HealthModel
{
    /// <summary>
    /// A unit monitor's detection put it in <paramref name="monitorTypeState"/> (what
    /// <c>WorkflowResults.MonitorStateChanged</c> reports). Its health becomes that state's OperationalState; a state
    /// change (with <paramref name="context"/>, the causing data item as XML) only when the health value changes,
    /// and then the rollup. The monitor type state is kept current either way. For an object in maintenance nothing
    /// changes state: the monitor type state and context are remembered, and applied when maintenance ends.
    /// </summary>
    /// <param name="monitorId">The monitor as <c>Pack!Element</c> (a compiled workflow's id), element ID or GUID.</param>
    /// <exception cref="ArgumentException">The monitor is not a unit monitor, or has no such monitor type state.</exception>
    public MonitorApplyOutcome ApplyMonitorState(
        Guid objectId, string monitorId, string monitorTypeState, DateTimeOffset time, string? context, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(monitorTypeState);
        if (Find(objectId, monitorId, out var entity, out var node) is { } missing)
        {
            return missing;
        }

        var monitor = entity.Template.Nodes[node];
        if (monitor.Kind != MonitorKind.Unit)
        {
            throw new ArgumentException($"{monitor.Key} is an {monitor.Kind.ToString().ToLowerInvariant()} monitor; only unit monitors have monitor type states", nameof(monitorId));
        }

        if (!monitor.OperationalStates.TryGetValue(monitorTypeState, out var health))
        {
            throw new ArgumentException($"{monitor.Key} has no operational state for monitor type state '{monitorTypeState}' ({string.Join(", ", monitor.OperationalStates.Keys)})", nameof(monitorTypeState));
        }

        if (entity.Disabled[node])
        {
            return MonitorApplyOutcome.Disabled;
        }

        return Run(time, batch, () =>
        {
            var typeStateChanged = SetMonitorTypeState(entity, node, monitorTypeState);
            MonitorApplyOutcome outcome;
            if (entity.InMaintenance)
            {
                entity.MaintenanceContexts![node] = context;
                outcome = MonitorApplyOutcome.InMaintenance;
            }
            else if (health != entity.State(node))
            {
                Commit(entity, node, health, context);
                outcome = MonitorApplyOutcome.Changed;
            }
            else
            {
                outcome = MonitorApplyOutcome.Unchanged;
            }

            if (typeStateChanged && outcome != MonitorApplyOutcome.Changed)
            {
                Batch.States.Add(Record(entity, node));
            }

            return outcome;
        });
    }

    /// <summary>
    /// Resets a monitor's health (the console's "Reset Health"): a unit monitor goes to Success (its monitor type state
    /// to the first one mapped to Success); an aggregate resets every unit monitor beneath it; a dependency monitor,
    /// whose state only its members make, is recomputed. Rolled up. Nothing changes for an object in maintenance.
    /// </summary>
    public MonitorApplyOutcome ResetMonitor(Guid objectId, string monitorId, DateTimeOffset time, OperationsBatch batch)
    {
        if (Find(objectId, monitorId, out var entity, out var node) is { } missing)
        {
            return missing;
        }

        if (entity.Disabled[node])
        {
            return MonitorApplyOutcome.Disabled;
        }

        if (entity.InMaintenance)
        {
            return MonitorApplyOutcome.InMaintenance;
        }

        return Run(time, batch, () =>
        {
            var before = batch.StateChanges.Count;
            var template = entity.Template;
            for (var unit = 0; unit <= node; unit++)
            {
                if (template.Nodes[unit].Kind == MonitorKind.Unit && !entity.Disabled[unit] && IsBeneath(template, unit, node))
                {
                    ResetUnit(entity, unit);
                }
            }

            if (template.Nodes[node].Kind == MonitorKind.Dependency)
            {
                Evaluate(entity, node);
            }

            // Rolled up before the count is read: Run completes the rollup only after this returns.
            DrainPending();
            return batch.StateChanges.Count > before ? MonitorApplyOutcome.Changed : MonitorApplyOutcome.Unchanged;
        });
    }

    private void ResetUnit(EntityHealth entity, int node)
    {
        var typeStateChanged = SetMonitorTypeState(entity, node, entity.Template.Nodes[node].HealthyState);
        if (entity.State(node) != HealthState.Success)
        {
            Commit(entity, node, HealthState.Success, null);
        }
        else if (typeStateChanged)
        {
            Batch.States.Add(Record(entity, node));
        }
    }

    private static bool SetMonitorTypeState(EntityHealth entity, int node, string? typeState)
    {
        if (entity.MonitorTypeState(node) == typeState)
        {
            return false;
        }

        (entity.MonitorTypeStates ??= new string?[entity.Template.Nodes.Length])[node] = typeState;
        return true;
    }

    /// <summary>Whether <paramref name="node"/> is <paramref name="ancestor"/> or lies beneath it.</summary>
    private static bool IsBeneath(ClassHealthTemplate template, int node, int ancestor)
    {
        for (var current = node; current >= 0; current = template.Parents[current])
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The object and its node for <paramref name="monitorId"/>; an outcome saying which is missing, or null.</summary>
    private MonitorApplyOutcome? Find(Guid objectId, string monitorId, out EntityHealth entity, out int node)
    {
        ArgumentNullException.ThrowIfNull(monitorId);
        node = -1;
        if (!_entities.TryGetValue(objectId, out entity!))
        {
            return MonitorApplyOutcome.UnknownObject;
        }

        node = Definition.Monitor(monitorId) is { } monitor ? entity.Template.IndexOf(monitor.Ordinal) : -1;
        return node < 0 ? MonitorApplyOutcome.UnknownMonitor : null;
    }
}
