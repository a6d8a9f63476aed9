namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// Objects created through the SDK or a connector (<c>POST /discovery-data</c>), applied in one transaction. A
/// <c>snapshot</c> replaces everything the source claimed before; <c>incremental</c> adds, updates and removes.
/// </summary>
/// <param name="Mode"><c>snapshot</c> or <c>incremental</c>.</param>
/// <param name="Source">Who claims these objects.</param>
/// <param name="Objects">Objects to create or update.</param>
/// <param name="Relationships">Relationships between objects.</param>
/// <param name="Removals">Objects to remove (incremental only).</param>
/// <param name="RelationshipRemovals">Relationships to remove (incremental only).</param>
public sealed record DiscoveryDataSubmission(
    string Mode,
    DiscoverySourceRef Source,
    IReadOnlyList<DiscoveredObject> Objects,
    IReadOnlyList<DiscoveredRelationship>? Relationships = null,
    IReadOnlyList<DiscoveredObject>? Removals = null,
    IReadOnlyList<DiscoveredRelationship>? RelationshipRemovals = null);
