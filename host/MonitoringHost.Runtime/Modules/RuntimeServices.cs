using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules;

/// <summary>What native modules reach outside their workflow through: the clock, and where alerts, discovery data,
/// performance samples and events go.</summary>
public sealed class RuntimeServices
{
    private AgentlessServices? _agentless;

    public required TimeProvider Time { get; init; }

    /// <summary>The imported classes and relationship types (and through them the pack set), to read ids in configurations.</summary>
    public required ClassCatalog Classes { get; init; }

    public required IAlertSink Alerts { get; init; }

    public required IDiscoverySink Discovery { get; init; }

    public required ICollectedDataSink Collected { get; init; }

    public ILoggerFactory Logging { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Probes in flight at once, per protocol and per remote host.</summary>
    public ProbeLimits Limits { get; init; } = new();

    /// <summary>
    /// Resolves the Run As profiles that module configurations name (<c>$RunAs[…]$</c>); null when the host has no
    /// credential store, in which case a workflow naming a profile does not load.
    /// </summary>
    public RunAsResolver? RunAs { get; init; }

    /// <summary>
    /// Endpoints, reachability, the SSH pool and CIM clients the protocol modules (WS-Man, SSH, SNMP) share; made on
    /// first use with the defaults (ports from names, host keys in memory) unless given.
    /// </summary>
    public AgentlessServices Agentless
    {
        get
        {
            if (_agentless is null)
            {
                var made = new AgentlessServices(Time);
                if (Interlocked.CompareExchange(ref _agentless, made, null) is not null)
                {
                    made.Dispose();
                }
            }

            return _agentless!;
        }

        init => _agentless = value;
    }

    /// <summary>The management server's own figures, for its self-monitoring modules; null outside a management server.</summary>
    public SelfMonitoring.IServerSelfStatus? SelfStatus { get; init; }
}
