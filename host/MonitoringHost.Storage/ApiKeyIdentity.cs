namespace MonitoringHost.Storage;

/// <summary>Who a presented key is: what a request is authorized by.</summary>
public sealed record ApiKeyIdentity(Guid Id, string Name, ApiRole Role, Guid? ConnectorId);
