namespace MonitoringHost.ManagementPacks.Model;

/// <summary>What unit, aggregate and dependency monitors share.</summary>
public abstract record Monitor(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    string? ParentMonitorId,
    AlertSettings? AlertSettings) : Workflow(Id, Accessibility, Location, Settings);
