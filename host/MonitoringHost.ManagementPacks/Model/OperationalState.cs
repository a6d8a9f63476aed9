namespace MonitoringHost.ManagementPacks.Model;

/// <summary>Maps a monitor type state to the health state the monitor shows in it.</summary>
public sealed record OperationalState(string Id, string MonitorTypeStateId, HealthState HealthState, SourceLocation Location);
