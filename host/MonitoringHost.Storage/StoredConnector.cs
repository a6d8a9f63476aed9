namespace MonitoringHost.Storage;

/// <summary>
/// A connector as kept (table of <c>0007_connectors.sql</c>): its id, unique name, the name shown, what it is for,
/// whether it owns the discovery data it pushes, whether it is enabled, and when and by whom it was registered and
/// last changed.
/// </summary>
public sealed record StoredConnector(
    Guid Id,
    string Name,
    string DisplayName,
    string? Description,
    bool OwnsDiscoveryData,
    bool Enabled,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset Modified);
