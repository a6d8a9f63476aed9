using MonitoringHost.Probes.Tcp;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Probes;

/// <summary>
/// <c>Microsoft.SystemCenter.SyntheticTransactions.TCPPortCheckProbe</c>: on each trigger, connects to
/// ServerName:Port and emits a <see cref="TcpPortCheckData"/>, whatever the outcome (packs filter on StatusCode). A
/// ServerName that is a computer added to be managed without an agent is reached at the address it was added with.
/// </summary>
public sealed class TcpPortCheckProbe(TcpPortCheckProbeConfiguration configuration, TcpPortCheck client, TimeProvider time, ProbeLimits limits) : ModuleInstance
{
    /// <summary>Where added computers are reached; null: ServerName as given.</summary>
    public IAgentlessEndpoints? Endpoints { get; init; }

    public TcpPortCheckProbeConfiguration Configuration { get; } = configuration;

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var slot = await limits.EnterAsync("tcp", Configuration.ServerName, cancellationToken).ConfigureAwait(false);
        var result = await client.CheckAsync(Address(Configuration.ServerName), Configuration.Port, Configuration.Timeout, cancellationToken).ConfigureAwait(false);
        output.Emit(new TcpPortCheckData(time.GetUtcNow(), result));
    }

    /// <summary>The address <paramref name="serverName"/> was added with, when it is an added computer; else the name itself.</summary>
    public string Address(string serverName) => Endpoints?.AddressOf(serverName) ?? serverName;
}
