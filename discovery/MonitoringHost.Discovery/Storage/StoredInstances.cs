using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Discovery.Storage;

/// <summary>The whole instance space as stored, read once at start.</summary>
public sealed record StoredInstances(
    IReadOnlyList<MonitoringObject> Objects,
    IReadOnlyList<RelationshipInstance> Relationships,
    IReadOnlyList<Claim> Claims,
    long LastSequence);
