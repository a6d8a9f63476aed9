using MonitoringHost.Probes.Tcp;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>
/// <c>Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckProbe</c>: on each trigger, connects to
/// ServerName:Port and emits a <see cref="TcpPortCheckData"/>, whatever the outcome (packs filter on StatusCode).
/// </summary>
public sealed class TcpPortCheckProbe(TcpPortCheckProbeConfiguration configuration, TcpPortCheck client, TimeProvider time, ProbeLimits limits) : ModuleInstance
{
    public TcpPortCheckProbeConfiguration Configuration { get; } = configuration;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var slot = await limits.EnterAsync("tcp", Configuration.ServerName, cancellationToken).ConfigureAwait(false);
        var result = await client.CheckAsync(Configuration.ServerName, Configuration.Port, Configuration.Timeout, cancellationToken).ConfigureAwait(false);
        output.Emit(new TcpPortCheckData(time.GetUtcNow(), result));
    }
}
