using System.Collections.Immutable;
using System.Xml.Linq;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>UnitMonitor</c> of a unit monitor type, with its configuration and state mapping.</summary>
public sealed record UnitMonitor(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    string? ParentMonitorId,
    AlertSettings? AlertSettings,
    string TypeId,
    ImmutableArray<OperationalState> OperationalStates,
    XElement Configuration) : Monitor(Id, Accessibility, Location, Settings, ParentMonitorId, AlertSettings)
{
    public override ElementKind Kind => ElementKind.UnitMonitor;
    public override IEnumerable<ModuleUsage> Modules => [];
}
