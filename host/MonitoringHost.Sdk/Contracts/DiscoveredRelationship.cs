namespace MonitoringHost.Sdk.Contracts;

/// <summary>A relationship in discovery data, its ends named by class and key properties.</summary>
/// <param name="Type">The relationship type's MP-qualified name.</param>
/// <param name="Source">The source object.</param>
/// <param name="Target">The target object.</param>
public sealed record DiscoveredRelationship(string Type, DiscoveredObject Source, DiscoveredObject Target);
