using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Discovery.Storage;

/// <summary>
/// Everything one discovery data item changes, committed in one transaction: objects written (added or changed)
/// and removed, relationships added and removed, claims added and removed, and the feed events describing it.
/// </summary>
public sealed record InstanceChangeSet(
    IReadOnlyList<MonitoringObject> UpsertedObjects,
    IReadOnlyList<Guid> RemovedObjects,
    IReadOnlyList<RelationshipInstance> AddedRelationships,
    IReadOnlyList<Guid> RemovedRelationships,
    IReadOnlyList<Claim> AddedClaims,
    IReadOnlyList<Claim> RemovedClaims,
    IReadOnlyList<ChangeFeedEvent> FeedEvents)
{
    public static readonly InstanceChangeSet Empty = new([], [], [], [], [], [], []);

    public bool IsEmpty => UpsertedObjects.Count == 0 && RemovedObjects.Count == 0 && AddedRelationships.Count == 0
        && RemovedRelationships.Count == 0 && AddedClaims.Count == 0 && RemovedClaims.Count == 0 && FeedEvents.Count == 0;
}
