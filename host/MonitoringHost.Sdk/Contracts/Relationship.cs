namespace MonitoringHost.Sdk.Contracts;

/// <summary>A relationship between two objects.</summary>
/// <param name="Type">The relationship type's MP-qualified name.</param>
/// <param name="SourceId">The source object.</param>
/// <param name="TargetId">The target object.</param>
public sealed record Relationship(string Type, Guid SourceId, Guid TargetId);
