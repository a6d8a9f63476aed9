using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

/// <summary>Keeps what collection write actions hand over, in order.</summary>
internal sealed class RecordingCollectedDataSink : ICollectedDataSink
{
    public List<(string WorkflowId, Guid TargetId, DataItem Item)> Collected { get; } = [];

    public void Collect(string workflowId, Guid targetId, DataItem item) => Collected.Add((workflowId, targetId, item));
}
