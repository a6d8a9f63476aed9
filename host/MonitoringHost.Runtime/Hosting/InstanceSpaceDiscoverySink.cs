using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Modules;

namespace MonitoringHost.Runtime.Hosting;

/// <summary>
/// Applies discovery workflows' output to the instance space. Data the instance space rejects (a class the
/// discovery does not declare, a missing key) throws <see cref="DiscoveryDataRejectedException"/>, which fails that
/// workflow instance's run with the reason and changes nothing.
/// </summary>
public sealed class InstanceSpaceDiscoverySink(InstanceSpace space) : IDiscoverySink
{
    public Task SubmitAsync(DiscoveryData data, CancellationToken cancellationToken) => space.ApplyAsync(data, cancellationToken);
}
