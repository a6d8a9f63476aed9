using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Hosting;

/// <summary>
/// What the host does with workflow results: discovery data goes to the discovery sink (the instance space), and a
/// unit monitor's state is announced when it changes (the health model listens). Other rule output has done its
/// work in its write actions.
/// </summary>
public sealed class WorkflowResults(IDiscoverySink discovery) : IWorkflowResults
{
    /// <summary>A unit monitor entered a different monitor type state for its object.</summary>
    public event EventHandler<MonitorStateChange>? MonitorStateChanged;

    public Task OutputAsync(WorkflowInstance instance, DataItem item, CancellationToken cancellationToken) =>
        item is DiscoveryDataItem discovered ? discovery.SubmitAsync(discovered.Data, cancellationToken) : Task.CompletedTask;

    public void MonitorState(WorkflowInstance instance, string state, DataItem cause)
    {
        ArgumentNullException.ThrowIfNull(instance);
        MonitorStateChanged?.Invoke(this, new MonitorStateChange(instance.Workflow.Id, instance.Target.Id, state, cause));
    }
}

/// <summary>A unit monitor of <see cref="WorkflowId"/> on object <see cref="TargetId"/> is now in <see cref="State"/>, because of <see cref="Cause"/>.</summary>
public sealed record MonitorStateChange(string WorkflowId, Guid TargetId, string State, DataItem Cause);
