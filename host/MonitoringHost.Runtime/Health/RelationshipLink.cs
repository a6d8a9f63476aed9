using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Runtime.Health;

/// <summary>A stored relationship instance between two objects of the health model, kept on both ends.</summary>
internal sealed class RelationshipLink(Guid id, RelationshipInfo type, EntityHealth source, EntityHealth target)
{
    public Guid Id { get; } = id;

    public RelationshipInfo Type { get; } = type;

    public EntityHealth Source { get; } = source;

    public EntityHealth Target { get; } = target;
}
