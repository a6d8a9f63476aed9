namespace MonitoringHost.Discovery.Instances;

/// <summary>The ids of what applying discovery data created, updated and removed (removals include cascades).</summary>
public sealed record DiscoveryResult(
    IReadOnlyList<Guid> Created,
    IReadOnlyList<Guid> Updated,
    IReadOnlyList<Guid> Removed,
    IReadOnlyList<Guid> RelationshipsAdded,
    IReadOnlyList<Guid> RelationshipsRemoved,
    long LastSequence);
