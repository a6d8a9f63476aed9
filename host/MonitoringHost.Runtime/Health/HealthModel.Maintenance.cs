using MonitoringHost.Runtime.Operations;

namespace MonitoringHost.Runtime.Health;

public sealed partial class HealthModel
{
    /// <summary>
    /// Puts an object in maintenance or takes it out (mp-format.md §8.5; the maintenance manager calls this for each
    /// object a window covers). In maintenance its monitors make no state changes: detections only update the
    /// remembered monitor type state, resets do nothing, its rollups stay as they were; dependency monitors of
    /// other objects count it as their MemberInMaintenance says (left out by default). When maintenance ends, each
    /// unit monitor takes the health of the monitor type state it is in now (the context of the last detection goes
    /// with the state change), and its rollups are recomputed, as SCOM's on-demand detections would after it.
    /// </summary>
    /// <returns>False when the object is unknown or already in that state.</returns>
    public bool SetMaintenance(Guid objectId, bool inMaintenance, DateTimeOffset time, OperationsBatch batch)
    {
        if (!_entities.TryGetValue(objectId, out var entity) || entity.InMaintenance == inMaintenance)
        {
            return false;
        }

        return Run(time, batch, () =>
        {
            entity.InMaintenance = inMaintenance;
            Recount(entity, -1, default, default, !inMaintenance, entity.Unavailable);
            if (inMaintenance)
            {
                entity.MaintenanceContexts = [];
            }
            else
            {
                RecomputeAll(entity);
                entity.MaintenanceContexts = null;
            }

            return true;
        });
    }

    /// <summary>
    /// Marks an object (an agentless-managed computer whose target cannot be reached: the heartbeat analogue of
    /// mp-format.md §8.3) unavailable, or available again. It and every object its host chain leads to are then
    /// unavailable: shown greyed (<see cref="ObjectHealthSummary.IsAvailable"/> false) and counted as
    /// MemberUnAvailable by dependency monitors (left out by default). Their own monitors keep working.
    /// </summary>
    /// <returns>False when the object is unknown or already marked so.</returns>
    public bool SetAvailability(Guid objectId, bool available, DateTimeOffset time, OperationsBatch batch)
    {
        if (!_entities.TryGetValue(objectId, out var marked) || marked.MarkedUnavailable == !available)
        {
            return false;
        }

        return Run(time, batch, () =>
        {
            marked.MarkedUnavailable = !available;
            var pending = new Stack<EntityHealth>([marked]);
            while (pending.TryPop(out var entity))
            {
                var unavailable = entity.MarkedUnavailable || entity.Host is { Unavailable: true };
                if (unavailable == entity.Unavailable)
                {
                    // Nothing changes here, so nothing changes beneath.
                    continue;
                }

                entity.Unavailable = unavailable;
                Recount(entity, -1, default, default, entity.InMaintenance, !unavailable);
                foreach (var hosted in entity.Hosted ?? [])
                {
                    pending.Push(hosted);
                }
            }

            return true;
        });
    }
}
