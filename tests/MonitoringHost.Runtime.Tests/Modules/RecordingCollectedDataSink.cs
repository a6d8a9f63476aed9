using System.Collections.Concurrent;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

/// <summary>Keeps every collected item with its workflow and target, in order.</summary>
internal sealed class RecordingCollectedDataSink : ICollectedDataSink
{
    private readonly ConcurrentQueue<(string WorkflowId, Guid TargetId, DataItem Item)> _collected = new();

    public IReadOnlyList<(string WorkflowId, Guid TargetId, DataItem Item)> Collected => [.. _collected];

    public void Collect(string workflowId, Guid targetId, DataItem item) => _collected.Enqueue((workflowId, targetId, item));
}
