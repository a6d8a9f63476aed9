using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Discovery.Groups;

/// <summary>A member of a group and the relationship type that joins it to the group.</summary>
public readonly record struct GroupMember(Guid ObjectId, RelationshipInfo Relationship);
