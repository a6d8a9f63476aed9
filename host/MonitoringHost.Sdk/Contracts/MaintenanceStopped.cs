namespace MonitoringHost.Sdk.Contracts;

/// <summary>The objects that left maintenance (answer of <c>DELETE /objects/{id}/maintenance</c>).</summary>
/// <param name="Left">The objects out of maintenance now.</param>
public sealed record MaintenanceStopped(IReadOnlyList<Guid> Left);
