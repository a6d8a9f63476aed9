using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Health;

/// <summary>
/// One monitor in an object's health explorer tree (API.md <c>GET /objects/{id}/health</c>). <see cref="Name"/> is the
/// pack's display name, else the monitor's ID; <see cref="LastChanged"/> is null until its state first changed.
/// Dependency monitors have no children here: their members are other objects, each with a tree of its own.
/// </summary>
public sealed record HealthExplorerNode(
    string MonitorId,
    string Name,
    MonitorKind Kind,
    HealthState HealthState,
    DateTimeOffset? LastChanged,
    IReadOnlyList<HealthExplorerNode> Children);
