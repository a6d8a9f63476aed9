using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules;

internal sealed class RecordingDiscoverySink : IDiscoverySink
{
    public List<DiscoveryData> Submitted { get; } = [];

    public Task SubmitAsync(DiscoveryData data, CancellationToken cancellationToken)
    {
        Submitted.Add(data);
        return Task.CompletedTask;
    }
}
