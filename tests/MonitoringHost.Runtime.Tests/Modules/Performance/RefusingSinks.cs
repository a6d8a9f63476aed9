using MonitoringHost.Discovery.Data;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Tests.Modules.Performance;

/// <summary>Alert and discovery sinks for modules that must never use them: any use fails the test.</summary>
internal sealed class RefusingSinks : IAlertSink, IDiscoverySink
{
    public void Raise(AlertRequest alert) => throw new InvalidOperationException($"a performance module raised an alert: {alert.Name}");

    public Task SubmitAsync(DiscoveryData data, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a performance module submitted discovery data");
}
