using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Hosting;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Cli.Commands;

/// <summary>
/// What the workflow host is given when it only answers questions (the effective view) and never starts: anything
/// that would reach a sink is a bug in the command, and says so.
/// </summary>
internal sealed class InspectionOnly : IAlertSink, IDiscoverySink, ICollectedDataSink, IWorkflowResults
{
    public static readonly InspectionOnly Instance = new();

    public void Raise(AlertRequest alert) => throw Refused();

    public Task SubmitAsync(DiscoveryData data, CancellationToken cancellationToken) => throw Refused();

    public void Collect(string workflowId, Guid targetId, DataItem item) => throw Refused();

    public Task OutputAsync(WorkflowInstance instance, DataItem item, CancellationToken cancellationToken) => throw Refused();

    public void MonitorState(WorkflowInstance instance, string state, DataItem cause) => throw Refused();

    private static InvalidOperationException Refused() => new("the effective view runs no workflow");
}
