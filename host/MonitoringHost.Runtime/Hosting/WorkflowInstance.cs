using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Hosting;

/// <summary>One workflow bound to one target object: its native modules, its place in the schedule, its last state.</summary>
public sealed class WorkflowInstance
{
    internal WorkflowInstance(CompiledWorkflow workflow, MonitoringObject target, ModuleInstance[] modules, TimeSpan offset)
    {
        Workflow = workflow;
        Target = target;
        Modules = modules;
        Offset = offset;
    }

    public CompiledWorkflow Workflow { get; }

    public MonitoringObject Target { get; }

    internal ModuleInstance[] Modules { get; }

    /// <summary>This instance's shift within its schedule's interval (spreads instances evenly).</summary>
    public TimeSpan Offset { get; }

    /// <summary>Set when the target goes or the workflow is replaced: scheduled runs of it are dropped.</summary>
    internal bool Removed { get; set; }

    /// <summary>1 while a run is in progress: a run that falls due meanwhile is skipped, not queued.</summary>
    internal int Running;

    /// <summary>The monitor type state a unit monitor is in (null: none yet).</summary>
    public string? MonitorTypeState { get; internal set; }

    public int Runs { get; internal set; }

    public string? LastError { get; internal set; }

    public override string ToString() => $"{Workflow.Id} on {Target.Path}";
}
