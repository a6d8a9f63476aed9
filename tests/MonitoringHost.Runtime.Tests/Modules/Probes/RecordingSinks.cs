using System.Collections.Concurrent;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules.Probes;

/// <summary>Alert, discovery and collection sinks that keep what they are given, for tests to read.</summary>
internal sealed class RecordingSinks : IAlertSink, IDiscoverySink, ICollectedDataSink
{
    public ConcurrentQueue<AlertRequest> Alerts { get; } = new();

    public ConcurrentQueue<DiscoveryData> Discovered { get; } = new();

    public ConcurrentQueue<(string WorkflowId, Guid TargetId, DataItem Item)> Collected { get; } = new();

    public void Raise(AlertRequest alert) => Alerts.Enqueue(alert);

    public Task SubmitAsync(DiscoveryData data, CancellationToken cancellationToken)
    {
        Discovered.Enqueue(data);
        return Task.CompletedTask;
    }

    public void Collect(string workflowId, Guid targetId, DataItem item) => Collected.Enqueue((workflowId, targetId, item));
}
