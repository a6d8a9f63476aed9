namespace MonitoringHost.ManagementPacks.Model;

/// <summary>An <c>AggregateMonitor</c>: rolls up the monitors on the same object whose parent it is.</summary>
public sealed record AggregateMonitor(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    string? ParentMonitorId,
    AlertSettings? AlertSettings,
    string Algorithm) : Monitor(Id, Accessibility, Location, Settings, ParentMonitorId, AlertSettings)
{
    public override ElementKind Kind => ElementKind.AggregateMonitor;
    public override IEnumerable<ModuleUsage> Modules => [];
}
