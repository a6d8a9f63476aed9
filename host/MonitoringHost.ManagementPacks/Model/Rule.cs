using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>Rule</c>: data sources whose outputs merge, an optional condition detection, write actions.</summary>
public sealed record Rule(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    ImmutableArray<ModuleUsage> DataSources,
    ModuleUsage? ConditionDetection,
    ImmutableArray<ModuleUsage> WriteActions) : Workflow(Id, Accessibility, Location, Settings)
{
    public override ElementKind Kind => ElementKind.Rule;

    public override IEnumerable<ModuleUsage> Modules =>
        ConditionDetection is null ? [.. DataSources, .. WriteActions] : [.. DataSources, ConditionDetection, .. WriteActions];
}
