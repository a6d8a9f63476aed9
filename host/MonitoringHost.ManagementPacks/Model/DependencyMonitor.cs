namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>DependencyMonitor</c>: rolls up <see cref="MemberMonitor"/> across <see cref="RelationshipType"/> instances.</summary>
public sealed record DependencyMonitor(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    string? ParentMonitorId,
    AlertSettings? AlertSettings,
    string RelationshipType,
    string MemberMonitor,
    string Algorithm,
    double? AlgorithmParameter,
    string? MemberInMaintenance,
    string? MemberUnAvailable) : Monitor(Id, Accessibility, Location, Settings, ParentMonitorId, AlertSettings)
{
    public override ElementKind Kind => ElementKind.DependencyMonitor;
    public override IEnumerable<ModuleUsage> Modules => [];
}
