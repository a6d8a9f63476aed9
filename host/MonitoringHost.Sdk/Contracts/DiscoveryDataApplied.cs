namespace MonitoringHost.Sdk.Contracts;

/// <summary>What a discovery data submission did.</summary>
/// <param name="Source">The discovery source the data was applied as (<c>sdk:&lt;id&gt;</c> or <c>connector:&lt;id&gt;</c>).</param>
/// <param name="Created">Objects created.</param>
/// <param name="Updated">Objects updated.</param>
/// <param name="Removed">Objects removed.</param>
/// <param name="RelationshipsAdded">Relationship instances added.</param>
/// <param name="RelationshipsRemoved">Relationship instances removed.</param>
public sealed record DiscoveryDataApplied(
    string Source, IReadOnlyList<Guid> Created, IReadOnlyList<Guid> Updated, IReadOnlyList<Guid> Removed,
    IReadOnlyList<Guid> RelationshipsAdded, IReadOnlyList<Guid> RelationshipsRemoved);
