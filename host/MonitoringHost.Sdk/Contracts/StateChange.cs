namespace MonitoringHost.Sdk.Contracts;

/// <summary>One monitor's state change on an object (<c>GET /objects/{id}/state-changes</c>).</summary>
/// <param name="MonitorId">The monitor's MP-qualified name.</param>
/// <param name="OldState">The state before.</param>
/// <param name="NewState">The state after.</param>
/// <param name="OldStateName">The name of <see cref="OldState"/>.</param>
/// <param name="NewStateName">The name of <see cref="NewState"/>.</param>
/// <param name="Time">When it changed (UTC).</param>
/// <param name="Context">The data item that caused it, as XML (unit monitors only).</param>
public sealed record StateChange(
    string MonitorId,
    HealthState OldState,
    HealthState NewState,
    string OldStateName,
    string NewStateName,
    DateTimeOffset Time,
    string? Context);
