namespace MonitoringHost.Discovery.Instances;

/// <summary>What one committed change did, for those who follow the instance space in process (groups, workflows).</summary>
public sealed record InstanceSpaceChange(
    IReadOnlyList<MonitoringObject> AddedObjects,
    IReadOnlyList<MonitoringObject> ChangedObjects,
    IReadOnlyList<MonitoringObject> RemovedObjects,
    IReadOnlyList<RelationshipInstance> AddedRelationships,
    IReadOnlyList<RelationshipInstance> RemovedRelationships,
    long LastSequence);
