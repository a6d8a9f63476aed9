using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.DataItems;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Snmp;

/// <summary>
/// One module's SNMP GET, as the probe and the data source send it: the endpoint from <c>IP</c> (through
/// <see cref="AgentlessServices.Endpoints"/>), the reachability backoff checked before and reported after, a
/// per-protocol and per-host slot around the exchange, the community decrypted for the exchange only. The answer
/// is a <see cref="SnmpData"/>; a failure throws <see cref="SnmpRequestException"/> with the client's message (the
/// instance's last error), and no item is output, so a monitor keeps its state instead of judging an empty answer.
/// </summary>
public sealed class SnmpRequest
{
    private readonly ModuleSetup _setup;
    private readonly AgentlessAccount? _account;

    public SnmpRequest(ModuleSetup setup, SnmpRequestConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        Configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));

        // No community in the configuration: the SNMP monitoring profile's account for the target (or the instance does not load).
        _account = configuration.Community is null ? AgentlessAccount.Resolve(setup, AgentlessProtocols.SnmpProfile) : null;
    }

    public SnmpRequestConfiguration Configuration { get; }

    /// <summary>Where the request goes: the endpoint for <c>IP</c>, on the configured port when the pack names one and <c>IP</c> does not.</summary>
    public AgentlessEndpoint Endpoint()
    {
        var endpoint = _setup.Services.Agentless.Endpoints.Resolve(Configuration.Ip, AgentlessProtocols.Snmp);
        return Configuration.Port != 0 && DefaultAgentlessEndpoints.Split(Configuration.Ip.Trim()).Port is null
            ? endpoint with { Port = Configuration.Port }
            : endpoint;
    }

    /// <summary>Sends the GET and returns the answer as <c>System.SnmpData</c>.</summary>
    /// <exception cref="RemoteHostUnavailableException">The device is in reachability backoff: nothing was sent.</exception>
    /// <exception cref="SnmpRequestException">No answer, refused, an error-status, or a name that does not resolve.</exception>
    public async Task<SnmpData> GetAsync(CancellationToken cancellationToken)
    {
        var (source, variables) = await ExchangeAsync((client, token) => client.GetAsync(Configuration.Oids, token), cancellationToken).ConfigureAwait(false);
        return SnmpData.Answer(_setup.Services.Time.GetUtcNow(), source, variables);
    }

    /// <summary>
    /// Walks the subtree below the first OID with GETBULK and returns one <c>System.SnmpData</c> per object instance
    /// found, in MIB order (an empty set when the subtree is empty).
    /// </summary>
    /// <exception cref="RemoteHostUnavailableException">The device is in reachability backoff: nothing was sent.</exception>
    /// <exception cref="SnmpRequestException">No answer, refused, an error-status, or a name that does not resolve.</exception>
    public async Task<DataItemSet> WalkAsync(CancellationToken cancellationToken)
    {
        var (source, variables) = await ExchangeAsync((client, token) => client.WalkAsync(Configuration.Oids[0], token), cancellationToken).ConfigureAwait(false);
        var now = _setup.Services.Time.GetUtcNow();
        return new DataItemSet(now, variables.Select(v => (DataItem)SnmpData.Answer(now, source, [v])));
    }

    private async Task<(IPEndPoint Source, ImmutableArray<SnmpVariable> Variables)> ExchangeAsync(
        Func<SnmpClient, CancellationToken, Task<SnmpResult>> exchange, CancellationToken cancellationToken)
    {
        var services = _setup.Services;
        var agentless = services.Agentless;
        var endpoint = Endpoint();
        agentless.Reachability.Check(AgentlessProtocols.Snmp, endpoint.HostKey);
        var address = await ResolveAsync(endpoint, cancellationToken).ConfigureAwait(false);
        using var slot = await services.Limits.EnterAsync(AgentlessProtocols.Snmp, endpoint.HostKey, cancellationToken).ConfigureAwait(false);
        var agent = new SnmpAgent(new IPEndPoint(address, endpoint.Port), Community())
        {
            Timeout = Configuration.Timeout,
            Retries = Configuration.Retries,
        };
        SnmpResult result;
        using (var client = new SnmpClient(agent, services.Time))
        {
            result = await exchange(client, cancellationToken).ConfigureAwait(false);
        }

        if (result.Error is { } error)
        {
            var unreachable = error.Kind is SnmpErrorKind.Timeout or SnmpErrorKind.Refused or SnmpErrorKind.Network;
            agentless.Reachability.Failed(AgentlessProtocols.Snmp, endpoint.HostKey, error.Kind.ToString(), error.Message, unreachable);
            throw new SnmpRequestException(error.Kind.ToString(), error.Message);
        }

        agentless.Reachability.Succeeded(AgentlessProtocols.Snmp, endpoint.HostKey);
        return (agent.Endpoint, result.Variables);
    }

    private string Community()
    {
        var community = _account is not null ? _account.Decrypt().CommunityString : _setup.Credentials.Substitute(Configuration.Community!);
        return string.IsNullOrEmpty(community)
            ? throw new RunAsResolutionException(_account?.Binding.Profile ?? "CommunityString", _setup.Target.Path, "the account has no community string")
            : community;
    }

    private async Task<IPAddress> ResolveAsync(AgentlessEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(endpoint.Address, out var address))
        {
            return address;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(endpoint.Address, cancellationToken).ConfigureAwait(false);
            if ((addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()) is { } found)
            {
                return found;
            }
        }
        catch (SocketException)
        {
            // Said below, with the name.
        }

        var message = $"the name {endpoint.Address} does not resolve to an address";
        _setup.Services.Agentless.Reachability.Failed(AgentlessProtocols.Snmp, endpoint.HostKey, "Unresolved", message, unreachable: true);
        throw new SnmpRequestException("Unresolved", message);
    }
}
