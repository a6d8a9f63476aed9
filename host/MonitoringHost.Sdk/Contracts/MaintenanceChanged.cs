namespace MonitoringHost.Sdk.Contracts;

/// <summary>The answer of <c>PATCH /objects/{id}/maintenance</c>.</summary>
/// <param name="ObjectId">The object whose maintenance changed.</param>
public sealed record MaintenanceChanged(Guid ObjectId);
