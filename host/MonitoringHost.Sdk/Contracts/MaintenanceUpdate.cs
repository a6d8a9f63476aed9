namespace MonitoringHost.Sdk.Contracts;

/// <summary>A change to running maintenance (<c>PATCH /objects/{id}/maintenance</c>): only the fields given change.</summary>
/// <param name="Until">The new end.</param>
/// <param name="Comment">The new comment.</param>
public sealed record MaintenanceUpdate(DateTimeOffset? Until = null, string? Comment = null);
