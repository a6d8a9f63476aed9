namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>Diagnostic</c>: a probe run when <see cref="Monitor"/> enters <see cref="ExecuteOnState"/>.</summary>
public sealed record Diagnostic(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    string Monitor,
    string? ExecuteOnState,
    ModuleUsage ProbeAction) : Workflow(Id, Accessibility, Location, Settings)
{
    public override ElementKind Kind => ElementKind.Diagnostic;
    public override IEnumerable<ModuleUsage> Modules => [ProbeAction];
}
