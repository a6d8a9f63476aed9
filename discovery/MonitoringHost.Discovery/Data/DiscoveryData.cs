using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Discovery.Data;

/// <summary>
/// One submission from one source: objects and relationships it claims and, in incremental mode, what it no
/// longer claims. It is checked whole before anything is applied, and applied in one transaction.
/// </summary>
public sealed record DiscoveryData(
    DiscoveryMode Mode,
    DiscoverySource Source,
    IReadOnlyList<ObjectData> Objects,
    IReadOnlyList<RelationshipData> Relationships)
{
    /// <summary>Objects the source no longer claims (incremental mode only).</summary>
    public IReadOnlyList<ObjectData> RemovedObjects { get; init; } = [];

    /// <summary>Relationships the source no longer claims (incremental mode only).</summary>
    public IReadOnlyList<RelationshipData> RemovedRelationships { get; init; } = [];

    /// <summary>
    /// Whether a removal of something the source does not claim is a problem (SDK and connector clients, which name
    /// what they remove and should hear when it was never theirs) rather than nothing to do (discovery workflows).
    /// </summary>
    public bool RemovalsMustBeClaimed { get; init; }

    public static DiscoveryData Snapshot(DiscoverySource source, IReadOnlyList<ObjectData> objects, IReadOnlyList<RelationshipData>? relationships = null) =>
        new(DiscoveryMode.Snapshot, source, objects, relationships ?? []);

    public static DiscoveryData Incremental(DiscoverySource source, IReadOnlyList<ObjectData> objects, IReadOnlyList<RelationshipData>? relationships = null) =>
        new(DiscoveryMode.Incremental, source, objects, relationships ?? []);
}
