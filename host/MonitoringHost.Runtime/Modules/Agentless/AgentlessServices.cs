using MonitoringHost.Probes.Ssh;
using MonitoringHost.Probes.WsMan;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// What the protocol modules share on one management server: where computers are reached
/// (<see cref="Endpoints"/>), how they answered lately (<see cref="Reachability"/>), one pool of SSH connections
/// with its pinned host keys, and how a CIM client is made for a WS-Man target.
/// </summary>
public sealed class AgentlessServices : IDisposable
{
    private readonly Lazy<SshCommandRunner> _ssh;

    public AgentlessServices(TimeProvider time, IAgentlessEndpoints? endpoints = null, IKnownHostsStore? knownHosts = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Time = time;
        Endpoints = endpoints ?? DefaultAgentlessEndpoints.Instance;
        KnownHosts = knownHosts ?? new MemoryKnownHostsStore();
        Reachability = new RemoteReachability(time);
        _ssh = new Lazy<SshCommandRunner>(() => new SshCommandRunner(KnownHosts, Time));
    }

    public TimeProvider Time { get; }

    public IAgentlessEndpoints Endpoints { get; }

    public RemoteReachability Reachability { get; init; }

    /// <summary>The SSH host keys pinned so far; the management server keeps them in a file in its data folder.</summary>
    public IKnownHostsStore KnownHosts { get; }

    /// <summary>One pool of SSH connections (per host and credential) for every module.</summary>
    public SshCommandRunner Ssh => _ssh.Value;

    /// <summary>Makes the CIM client for a WS-Man target; the managed WS-Man client unless a test or platform says otherwise.</summary>
    public Func<WsManTarget, ICimClient> CimClients { get; init; } = target => new WsManClient(target);

    public void Dispose()
    {
        if (_ssh.IsValueCreated)
        {
            _ssh.Value.Dispose();
        }
    }
}
