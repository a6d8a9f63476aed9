using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>UnitMonitorType</c>: states, configuration, member modules and the detections that drive the states.</summary>
public sealed record UnitMonitorType(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    ImmutableArray<MonitorTypeState> States,
    ModuleConfigurationSchema Configuration,
    ImmutableArray<OverrideableParameter> OverrideableParameters,
    ImmutableArray<ModuleUsage> Members,
    ImmutableArray<MonitorDetection> RegularDetections,
    ImmutableArray<MonitorDetection> OnDemandDetections) : ManagementPackElement(Id, Accessibility, Location)
{
    public override ElementKind Kind => ElementKind.UnitMonitorType;
}
