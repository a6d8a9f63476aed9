namespace MonitoringHost.Runtime.Criteria;

/// <summary>A parsed criteria: an immutable tree. <see cref="Position"/> is where the node starts (1-based).</summary>
public abstract record CriteriaNode(int Position);
