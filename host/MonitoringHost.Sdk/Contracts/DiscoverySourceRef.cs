namespace MonitoringHost.Sdk.Contracts;

/// <summary>The source of discovery data.</summary>
/// <param name="Kind"><c>sdk</c> or <c>connector</c>.</param>
/// <param name="Id">The source's id (a name for <c>sdk</c>, the connector's id).</param>
public sealed record DiscoverySourceRef(string Kind, string Id);
