namespace MonitoringHost.Discovery.Data;

/// <summary>Snapshot: the source's complete claim (anything it claimed before and omits now is released). Incremental: adds and removals.</summary>
public enum DiscoveryMode
{
    Snapshot,
    Incremental,
}
