using MonitoringHost.Probes.WsMan;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.Modules.Agentless;

namespace MonitoringHost.Runtime.Modules.Cim;

/// <summary>
/// How one CIM module reaches its computer over WS-Man: the endpoint (<see cref="AgentlessServices.Endpoints"/>), the
/// account (the profile the configuration names with a <c>$RunAs[…]$</c> token, else the WS-Management action account
/// <see cref="AgentlessProtocols.WsManProfile"/>, resolved when the module is made), and the client
/// <see cref="CimClientCache"/> shares for that endpoint and account. Each call checks the computer's backoff, takes a WS-Man slot for the host,
/// and reports the outcome to <see cref="RemoteReachability"/>: refused, unreachable or timed out without an answer
/// backs off; wrong credentials, access denied and faults are recorded but do not.
/// </summary>
public sealed class CimConnection
{
    private readonly AgentlessServices _agentless;
    private readonly ProbeLimits _limits;
    private readonly Func<RunAsCredential> _credential;

    private CimConnection(AgentlessServices agentless, ProbeLimits limits, AgentlessEndpoint endpoint, string wmiNamespace, Func<RunAsCredential> credential)
    {
        _agentless = agentless;
        _limits = limits;
        Endpoint = endpoint;
        Namespace = wmiNamespace;
        _credential = credential;
    }

    public AgentlessEndpoint Endpoint { get; }

    /// <summary>The WMI namespace, <c>root/cimv2</c> form.</summary>
    public string Namespace { get; }

    /// <summary>
    /// The connection of a module of <paramref name="setup"/> to <paramref name="computerName"/>. Throws
    /// <see cref="RunAsResolutionException"/> when no account is assigned for the target (the instance does not load).
    /// </summary>
    public static CimConnection Open(ModuleSetup setup, string computerName, string wmiNamespace)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var agentless = setup.Services.Agentless;
        var endpoint = agentless.Endpoints.Resolve(computerName, AgentlessProtocols.WsMan);
        Func<RunAsCredential> credential;
        if (setup.Credentials.Bindings.FirstOrDefault() is { } binding)
        {
            var credentials = setup.Credentials;
            credential = () => credentials.Get(binding.Profile);
        }
        else
        {
            credential = AgentlessAccount.Resolve(setup, AgentlessProtocols.WsManProfile).Decrypt;
        }

        return new CimConnection(agentless, setup.Services.Limits, endpoint, wmiNamespace.Length == 0 ? "root/cimv2" : wmiNamespace, credential);
    }

    /// <summary>
    /// Runs <paramref name="call"/> on the computer's client. A <see cref="CimException"/> is reported and thrown on
    /// (its message names the endpoint and what went wrong, never the password); during backoff
    /// <see cref="RemoteHostUnavailableException"/> is thrown without trying.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<ICimClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var reachability = _agentless.Reachability;
        reachability.Check(AgentlessProtocols.WsMan, Endpoint.HostKey);
        using var slot = await _limits.EnterAsync(AgentlessProtocols.WsMan, Endpoint.HostKey, cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await call(Client(), cancellationToken).ConfigureAwait(false);
            reachability.Succeeded(AgentlessProtocols.WsMan, Endpoint.HostKey);
            return result;
        }
        catch (CimException failure)
        {
            reachability.Failed(AgentlessProtocols.WsMan, Endpoint.HostKey, failure.Kind.ToString(), failure.Message, Unreachable(failure));
            throw;
        }
    }

    /// <summary>No answer at all: refused, unknown name, TLS failure, or no HTTP answer within the timeout.</summary>
    public static bool Unreachable(CimException failure) =>
        failure?.Kind is CimErrorKind.Unreachable || failure is { Kind: CimErrorKind.Timeout, HttpStatus: 0, FaultCode: null };

    /// <summary><c>DOMAIN\user</c> when the account has a domain and the user name names none.</summary>
    public static string UserName(RunAsCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var user = credential.UserName ?? "";
        return credential.Domain is { Length: > 0 } domain && !user.Contains('\\', StringComparison.Ordinal) && !user.Contains('@', StringComparison.Ordinal)
            ? $"{domain}\\{user}"
            : user;
    }

    private ICimClient Client()
    {
        var credential = _credential();
        var target = new WsManTarget(Endpoint.Address, UserName(credential), credential.Password ?? "")
        {
            Port = Endpoint.Port,
            UseHttps = Endpoint.UseHttps,
            SkipCertificateCheck = Endpoint.SkipCertificateCheck,
            Namespace = Namespace,
        };
        return CimClientCache.For(_agentless, target);
    }

    public override string ToString() => $"{Endpoint} {Namespace}";
}
