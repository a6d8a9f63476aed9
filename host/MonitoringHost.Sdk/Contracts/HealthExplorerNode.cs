namespace MonitoringHost.Sdk.Contracts;

/// <summary>One monitor of an object's health explorer tree (<c>GET /objects/{id}/health</c>).</summary>
/// <param name="MonitorId">The monitor's MP-qualified name.</param>
/// <param name="Name">Its display name (else its id).</param>
/// <param name="Kind"><c>unit</c>, <c>aggregate</c> or <c>dependency</c>.</param>
/// <param name="HealthState">Its state on this object.</param>
/// <param name="HealthStateName">The name of <see cref="HealthState"/>.</param>
/// <param name="LastChanged">When its state last changed; null if it never did.</param>
/// <param name="Children">The monitors it rolls up (none for unit and dependency monitors).</param>
public sealed record HealthExplorerNode(
    string MonitorId,
    string Name,
    string Kind,
    HealthState HealthState,
    string HealthStateName,
    DateTimeOffset? LastChanged,
    IReadOnlyList<HealthExplorerNode> Children);
