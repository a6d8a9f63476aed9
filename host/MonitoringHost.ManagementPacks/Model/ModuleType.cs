using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A data source, probe action, condition detection or write action module type.</summary>
public sealed record ModuleType(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    ModuleRole Role,
    ModuleConfigurationSchema Configuration,
    ImmutableArray<OverrideableParameter> OverrideableParameters,
    ModuleImplementation Implementation,
    ImmutableArray<string> InputTypes,
    string? OutputType) : ManagementPackElement(Id, Accessibility, Location)
{
    public string? RunAs { get; init; }
    public bool Batching { get; init; }
    public bool PassThrough { get; init; }
    public bool Stateful { get; init; }
    public bool TriggerOnly { get; init; }

    public override ElementKind Kind => Role switch
    {
        ModuleRole.DataSource => ElementKind.DataSourceModuleType,
        ModuleRole.ProbeAction => ElementKind.ProbeActionModuleType,
        ModuleRole.ConditionDetection => ElementKind.ConditionDetectionModuleType,
        _ => ElementKind.WriteActionModuleType,
    };
}
