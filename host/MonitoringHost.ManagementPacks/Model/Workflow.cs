namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A discovery, rule, task, monitor, diagnostic or recovery: bound to a target class.</summary>
public abstract record Workflow(string Id, Accessibility Accessibility, SourceLocation Location, WorkflowSettings Settings)
    : ManagementPackElement(Id, Accessibility, Location)
{
    /// <summary>Every module the workflow uses directly, in document order.</summary>
    public abstract IEnumerable<ModuleUsage> Modules { get; }
}
