namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>Task</c>: one probe action or write action run on demand against one object.</summary>
public sealed record MonitoringTask(
    string Id,
    Accessibility Accessibility,
    SourceLocation Location,
    WorkflowSettings Settings,
    int? TimeoutSeconds,
    ModuleUsage Module) : Workflow(Id, Accessibility, Location, Settings)
{
    public override ElementKind Kind => ElementKind.Task;
    public override IEnumerable<ModuleUsage> Modules => [Module];
}
