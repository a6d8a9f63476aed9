using System.Collections.Concurrent;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

/// <summary>Keeps every discovery data submitted, in order.</summary>
internal sealed class RecordingDiscoverySink : IDiscoverySink
{
    private readonly ConcurrentQueue<DiscoveryData> _submitted = new();

    public IReadOnlyList<DiscoveryData> Submitted => [.. _submitted];

    public Task SubmitAsync(DiscoveryData data, CancellationToken cancellationToken)
    {
        _submitted.Enqueue(data);
        return Task.CompletedTask;
    }
}
