namespace MonitoringHost.Storage;

/// <summary>What registering a connector writes: a new row, or the described fields of the row with the same id.</summary>
public sealed record ConnectorDefinition(Guid Id, string Name, string DisplayName, string? Description, bool OwnsDiscoveryData, string RegisteredBy);
