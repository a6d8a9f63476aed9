namespace MonitoringHost.Sdk.Contracts;

/// <summary>What a discovery data submission did.</summary>
/// <param name="Created">Objects created.</param>
/// <param name="Updated">Objects updated.</param>
/// <param name="Removed">Objects removed.</param>
public sealed record DiscoveryDataApplied(IReadOnlyList<Guid> Created, IReadOnlyList<Guid> Updated, IReadOnlyList<Guid> Removed);
