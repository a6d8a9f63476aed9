namespace MonitoringHost.Storage;

/// <summary>
/// An API key as listed: never the key text nor its hash. <see cref="Prefix"/> is the key's first characters, to
/// recognise it; <see cref="ConnectorId"/> is set for <see cref="ApiRole.Connector"/> keys only.
/// </summary>
public sealed record ApiKey(
    Guid Id,
    string Name,
    ApiRole Role,
    Guid? ConnectorId,
    string Prefix,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset? LastUsed,
    DateTimeOffset? Revoked);
