using MonitoringHost.Probes.Icmp;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary><c>MonitoringHost.Agentless.IcmpPingProbe</c>: on each trigger, pings ServerName and emits an <see cref="IcmpPingData"/>.</summary>
public sealed class IcmpPingProbe(IcmpPingProbeConfiguration configuration, IcmpPing client, TimeProvider time) : ModuleInstance
{
    public IcmpPingProbeConfiguration Configuration { get; } = configuration;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var request = new IcmpPingRequest(Configuration.ServerName) { Echoes = Configuration.EchoCount, Timeout = Configuration.Timeout };
        var result = await client.PingAsync(request, cancellationToken).ConfigureAwait(false);
        output.Emit(new IcmpPingData(time.GetUtcNow(), result));
    }
}
