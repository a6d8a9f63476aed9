using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>Discovery</c>: one data source that outputs discovery data for the declared types.</summary>
public sealed record Discovery(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    ImmutableArray<DiscoveryType> DiscoveryTypes,
    ModuleUsage DataSource) : Workflow(Id, Accessibility, Location, Settings)
{
    public override ElementKind Kind => ElementKind.Discovery;
    public override IEnumerable<ModuleUsage> Modules => [DataSource];
}
