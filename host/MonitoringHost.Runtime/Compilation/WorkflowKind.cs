namespace MonitoringHost.Runtime.Compilation;

/// <summary>The workflows the runtime runs per target object.</summary>
public enum WorkflowKind
{
    Discovery,
    Rule,
    UnitMonitor,
}
