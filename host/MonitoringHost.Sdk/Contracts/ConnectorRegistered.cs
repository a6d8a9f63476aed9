namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// The answer to <c>POST /connectors</c>: the connector, and on its first registration (201) the API key in the
/// Connector role bound to it, shown this once; registering the same id again (200) returns no key.
/// </summary>
/// <param name="Id">The connector's id.</param>
/// <param name="ApiKey">Its API key on the first registration; null otherwise.</param>
/// <param name="Connector">The connector as stored.</param>
public sealed record ConnectorRegistered(Guid Id, string? ApiKey, Connector Connector);
