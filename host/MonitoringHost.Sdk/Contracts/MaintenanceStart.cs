namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// Maintenance to start on an object (<c>POST /objects/{id}/maintenance</c>): until a time or for a number of minutes,
/// for one of SCOM's reasons (<c>PlannedOther</c>, <c>UnplannedOther</c>, <c>PlannedHardwareMaintenance</c>, …
/// <c>LossOfNetworkConnectivity</c>), recursive (the objects it hosts or contains too) unless told otherwise.
/// </summary>
/// <param name="Reason">The reason's name.</param>
/// <param name="Until">When it ends; give this or <paramref name="DurationMinutes"/>.</param>
/// <param name="DurationMinutes">How long it lasts; give this or <paramref name="Until"/>.</param>
/// <param name="Comment">A comment.</param>
/// <param name="Recursive">Whether the objects it hosts or contains go into maintenance too (default true).</param>
public sealed record MaintenanceStart(string Reason, DateTimeOffset? Until = null, double? DurationMinutes = null, string? Comment = null, bool? Recursive = null);
