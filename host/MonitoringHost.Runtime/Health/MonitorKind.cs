namespace MonitoringHost.Runtime.Health;

/// <summary>What a node of an object's health tree is: a unit, aggregate or dependency monitor.</summary>
public enum MonitorKind
{
    Unit,
    Aggregate,
    Dependency,
}
