namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>Recovery</c>: a write action run on a monitor state or after a diagnostic.</summary>
public sealed record Recovery(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    string Monitor,
    bool ResetMonitor,
    string? ExecuteOnState,
    string? ExecuteOnDiagnostic,
    ModuleUsage WriteAction) : Workflow(Id, Accessibility, Location, Settings)
{
    public override ElementKind Kind => ElementKind.Recovery;
    public override IEnumerable<ModuleUsage> Modules => [WriteAction];
}
