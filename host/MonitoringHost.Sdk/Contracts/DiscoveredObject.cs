namespace MonitoringHost.Sdk.Contracts;

/// <summary>An object in discovery data: its class, its key and other properties, and its host when hosted.</summary>
/// <param name="Class">The class's MP-qualified name.</param>
/// <param name="Properties">Property values by name (key properties required).</param>
/// <param name="Host">The hosting object, for a hosted class.</param>
public sealed record DiscoveredObject(string Class, IReadOnlyDictionary<string, string?> Properties, DiscoveredObject? Host = null);
