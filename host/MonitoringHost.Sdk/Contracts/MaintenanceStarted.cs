namespace MonitoringHost.Sdk.Contracts;

/// <summary>The objects that went into maintenance (answer of <c>POST /objects/{id}/maintenance</c>).</summary>
/// <param name="Entered">The object and, when recursive, those it hosts or contains.</param>
public sealed record MaintenanceStarted(IReadOnlyList<Guid> Entered);
