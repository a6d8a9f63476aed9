using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Discovery.Data;

/// <summary>An object of the data with its id worked out, its values checked and normalized.</summary>
internal sealed record PlannedObject(Guid Id, ClassInfo Class, Dictionary<string, string?> Properties, Guid? HostId, string? DisplayName);

/// <summary>A relationship of the data with its id and ends worked out.</summary>
internal sealed record PlannedRelationship(Guid Id, RelationshipInfo Type, Guid SourceId, Guid TargetId);

/// <summary>Discovery data that passed every check, ready to diff against the instance space.</summary>
internal sealed record ResolvedDiscoveryData(
    DiscoveryMode Mode,
    DiscoverySource Source,
    IReadOnlyList<PlannedObject> Objects,
    IReadOnlyList<PlannedRelationship> Relationships,
    IReadOnlyList<Guid> RemovedObjects,
    IReadOnlyList<Guid> RemovedRelationships)
{
    /// <summary>Objects the source sends again exactly as before: claimed, nothing to write.</summary>
    public IReadOnlyCollection<Guid> Unchanged { get; init; } = [];
}
