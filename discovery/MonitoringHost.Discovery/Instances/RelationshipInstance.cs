namespace MonitoringHost.Discovery.Instances;

/// <summary>An instance of a relationship type between two objects. Hosting is implied by <see cref="MonitoringObject.HostId"/>, never stored here.</summary>
public sealed record RelationshipInstance(Guid Id, string TypeName, Guid SourceId, Guid TargetId, DateTimeOffset Created);
