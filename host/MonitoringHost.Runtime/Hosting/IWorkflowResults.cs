using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Hosting;

/// <summary>Where what workflows produce goes: discovery data and rule output, monitor type states.</summary>
public interface IWorkflowResults
{
    /// <summary>An item left the workflow: a discovery's data, or what a rule's last write action output.</summary>
    Task OutputAsync(WorkflowInstance instance, DataItem item, CancellationToken cancellationToken);

    /// <summary>A unit monitor's detection put it in a different state: it is now in <paramref name="state"/>.</summary>
    void MonitorState(WorkflowInstance instance, string state, DataItem cause);
}
