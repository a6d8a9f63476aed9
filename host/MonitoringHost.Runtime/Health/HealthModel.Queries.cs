using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Health;

public sealed partial class HealthModel
{
    /// <summary>The health of one monitor on one object; null when either is unknown. A disabled monitor is Uninitialized.</summary>
    public HealthState? State(Guid objectId, string monitorId) =>
        Find(objectId, monitorId, out var entity, out var node) is null ? entity.State(node) : null;

    /// <summary>A unit monitor's current monitor type state (kept while in maintenance too); null when none is known.</summary>
    public string? MonitorTypeState(Guid objectId, string monitorId) =>
        Find(objectId, monitorId, out var entity, out var node) is null ? entity.MonitorTypeState(node) : null;

    /// <summary>The object's <c>System.Health.EntityState</c>; null for an unknown object.</summary>
    public HealthState? EntityState(Guid objectId) =>
        _entities.TryGetValue(objectId, out var entity) ? RootState(entity) : null;

    /// <summary>Entity state, maintenance and availability of an object; null for an unknown object.</summary>
    public ObjectHealthSummary? Summary(Guid objectId) =>
        _entities.TryGetValue(objectId, out var entity)
            ? new ObjectHealthSummary(objectId, RootState(entity), entity.InMaintenance, !entity.Unavailable)
            : null;

    /// <summary>The object's monitor tree as the health explorer shows it (disabled monitors left out); null for an unknown object.</summary>
    public HealthExplorerNode? Explorer(Guid objectId) =>
        _entities.TryGetValue(objectId, out var entity) && entity.Template.Root >= 0 ? Explore(entity, entity.Template.Root) : null;

    private static HealthState RootState(EntityHealth entity) =>
        entity.Template.Root >= 0 ? entity.State(entity.Template.Root) : HealthState.Uninitialized;

    private static HealthExplorerNode Explore(EntityHealth entity, int node)
    {
        var monitor = entity.Template.Nodes[node];
        var ticks = entity.LastChanged[node];
        return new HealthExplorerNode(
            monitor.Id,
            monitor.Name,
            monitor.Kind,
            entity.State(node),
            ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero),
            [.. entity.Template.Children[node].Where(child => !entity.Disabled[child]).Select(child => Explore(entity, child))]);
    }
}
