using MonitoringHost.Probes.Icmp;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary><c>MonitoringHost.Agentless.IcmpPingProbe</c>: on each trigger, pings ServerName and emits an <see cref="IcmpPingData"/>.</summary>
public sealed class IcmpPingProbe(IcmpPingProbeConfiguration configuration, IcmpPing client, TimeProvider time, ProbeLimits limits) : ModuleInstance
{
    public IcmpPingProbeConfiguration Configuration { get; } = configuration;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var request = new IcmpPingRequest(Configuration.ServerName) { Echoes = Configuration.EchoCount, Timeout = Configuration.Timeout };
        using var slot = await limits.EnterAsync("icmp", Configuration.ServerName, cancellationToken).ConfigureAwait(false);
        var result = await client.PingAsync(request, cancellationToken).ConfigureAwait(false);
        output.Emit(new IcmpPingData(time.GetUtcNow(), result));
    }
}
