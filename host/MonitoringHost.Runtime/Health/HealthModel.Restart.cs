using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Health;

public sealed partial class HealthModel
{
    /// <summary>
    /// Restores the states kept in the store at start, after the instance space's objects and relationships are in
    /// (and before maintenance is applied). No state changes are emitted. Unit monitors take their stored state
    /// and monitor type state; aggregate and dependency monitors are then recomputed so the rollups are consistent,
    /// and where one differs from what was stored (packs changed meanwhile) the recomputed state is written to
    /// <see cref="OperationsBatch.States"/>. Records of objects the model does not have go to
    /// <see cref="OperationsBatch.RemovedObjects"/>; records of monitors that no longer apply or are disabled are skipped.
    /// </summary>
    public void Load(IEnumerable<MonitorStateRecord> records, DateTimeOffset time, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(records);
        Run(time, batch, () =>
        {
            _silent = true;
            var unknown = new HashSet<Guid>();
            foreach (var record in records)
            {
                if (!_entities.TryGetValue(record.ObjectId, out var entity))
                {
                    unknown.Add(record.ObjectId);
                    continue;
                }

                var node = Definition.Monitor(record.MonitorId) is { } monitor ? entity.Template.IndexOf(monitor.Ordinal) : -1;
                if (node < 0 || entity.Disabled[node])
                {
                    continue;
                }

                entity.States[node] = (byte)record.State;
                entity.LastChanged[node] = record.LastChanged.UtcTicks;
                if (record.MonitorTypeState is not null)
                {
                    SetMonitorTypeState(entity, node, record.MonitorTypeState);
                }
            }

            // Member counts from the loaded states, then every rollup; what a recomputation changes rolls on.
            foreach (var entity in _entities.Values)
            {
                Array.Clear(entity.Counts);
            }

            foreach (var member in _entities.Values)
            {
                if (member.Host is { } host)
                {
                    Count(host, host.Template.DependenciesOverHosting(member.Template.Class, Definition.Classes), member, add: true);
                }

                foreach (var link in member.Incoming ?? [])
                {
                    Count(link.Source, link.Source.Template.DependenciesOver(link.Type), member, add: true);
                }
            }

            foreach (var entity in _entities.Values)
            {
                for (var node = 0; node < entity.Template.Nodes.Length; node++)
                {
                    Evaluate(entity, node);
                }
            }

            batch.RemovedObjects.AddRange(unknown);
            return true;
        });
    }

    /// <summary>Every monitor state worth keeping: each monitor that has changed state or knows its monitor type state.</summary>
    public IEnumerable<MonitorStateRecord> States()
    {
        foreach (var entity in _entities.Values)
        {
            for (var node = 0; node < entity.Template.Nodes.Length; node++)
            {
                if (entity.LastChanged[node] != 0 || entity.MonitorTypeState(node) is not null)
                {
                    yield return Record(entity, node);
                }
            }
        }
    }
}
