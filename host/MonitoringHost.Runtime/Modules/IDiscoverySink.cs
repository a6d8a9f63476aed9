using MonitoringHost.Discovery.Data;

namespace MonitoringHost.Runtime.Modules;

/// <summary>Where discovery workflows' output goes: the instance space.</summary>
public interface IDiscoverySink
{
    Task SubmitAsync(DiscoveryData data, CancellationToken cancellationToken);
}
