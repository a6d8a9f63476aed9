using System.Diagnostics;
using System.Globalization;
using System.Net;
using MonitoringHost.Probes.Snmp;
using MonitoringHost.Probes.Ssh;
using MonitoringHost.Probes.WsMan;
using MonitoringHost.Runtime.Credentials;
using MonitoringHost.Runtime.DataItems;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// <c>MonitoringHost.Agentless.ComputerAccessProbe</c>: on each trigger, asks the computer one small thing over its
/// protocol with the protocol's Run As account — WS-Man: the operating system's caption
/// (<c>Win32_OperatingSystem</c>); SSH: <c>echo</c>; SNMP: <c>sysUpTime.0</c> — and emits one property bag:
/// <c>Protocol</c>, <c>Endpoint</c>, <c>Status</c> (<c>OK</c>, or the failure: <c>Timeout</c>,
/// <c>ConnectionRefused</c>, <c>AuthenticationFailed</c>, <c>UnknownHostKey</c>, <c>NoRunAsAccount</c>…),
/// <c>Message</c>, <c>Reachable</c> (true/false: whether it answered at all) and <c>ResponseMilliseconds</c>.
/// Only computers added to be managed over the protocol are checked: for others the instance does not load, saying
/// so. It always tries, backoff or not, and records the outcome in the shared reachability, so its answer is the
/// computer's availability and ends (or starts) the backoff of every other workflow on it.
/// </summary>
public sealed class ComputerAccessProbe : ModuleInstance
{
    private const string SysUpTime = "1.3.6.1.2.1.1.3.0";

    private readonly ModuleSetup _setup;
    private readonly AgentlessAccount? _account;
    private readonly string? _accountProblem;

    public ComputerAccessProbe(ModuleSetup setup, ComputerAccessProbeConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        Configuration = configuration;
        try
        {
            _account = AgentlessAccount.Resolve(setup, AgentlessProtocols.DefaultProfile(configuration.Protocol));
        }
        catch (RunAsResolutionException missing)
        {
            // Reported as the computer's state on every run: without an account nothing on it can be monitored.
            _accountProblem = missing.Message;
        }
    }

    public ComputerAccessProbeConfiguration Configuration { get; }

    public override async ValueTask RunAsync(DataItem input, IModuleOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var agentless = _setup.Services.Agentless;
        if (!agentless.Endpoints.IsManaged(Configuration.ComputerName, Configuration.Protocol))
        {
            // Not added to be managed (the management server's own computer, objects other sources discovered).
            return;
        }

        var endpoint = agentless.Endpoints.Resolve(Configuration.ComputerName, Configuration.Protocol);
        var started = Stopwatch.GetTimestamp();
        AccessOutcome outcome;
        if (_account is null)
        {
            outcome = new AccessOutcome("NoRunAsAccount", _accountProblem!, false);
        }
        else
        {
            using var slot = await _setup.Services.Limits.EnterAsync(endpoint.Protocol, endpoint.HostKey, cancellationToken).ConfigureAwait(false);
            started = Stopwatch.GetTimestamp();
            outcome = await TryAsync(endpoint, _account.Decrypt(), cancellationToken).ConfigureAwait(false);
            outcome.Report(agentless.Reachability, endpoint);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        output.Emit(new PropertyBagData(_setup.Services.Time.GetUtcNow(), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Protocol"] = endpoint.Protocol,
            ["Endpoint"] = endpoint.HostKey,
            ["Status"] = outcome.Status,
            ["Message"] = outcome.Message,
            ["Reachable"] = outcome.Unreachable ? "false" : "true",
            ["ResponseMilliseconds"] = Math.Round(elapsed.TotalMilliseconds, 1).ToString(CultureInfo.InvariantCulture),
        }));
    }

    private Task<AccessOutcome> TryAsync(AgentlessEndpoint endpoint, RunAsCredential credential, CancellationToken cancellationToken) => endpoint.Protocol switch
    {
        AgentlessProtocols.WsMan => WsManAsync(endpoint, credential, cancellationToken),
        AgentlessProtocols.Ssh => SshAsync(endpoint, credential, cancellationToken),
        _ => SnmpAsync(endpoint, credential, cancellationToken),
    };

    private async Task<AccessOutcome> WsManAsync(AgentlessEndpoint endpoint, RunAsCredential credential, CancellationToken cancellationToken)
    {
        if (credential.UserName is not { } user || credential.Password is not { } password)
        {
            return new AccessOutcome("WrongAccountKind", $"WS-Man needs a user name and password; Run As account {_account!.Binding.AccountName} is a {credential.Kind} account", false);
        }

        var target = new WsManTarget(endpoint.Address, credential.Domain is { Length: > 0 } domain ? $"{domain}\\{user}" : user, password)
        {
            Port = endpoint.Port,
            UseHttps = endpoint.UseHttps,
            SkipCertificateCheck = endpoint.SkipCertificateCheck,
            OperationTimeout = Configuration.Timeout,
            HttpTimeout = Configuration.Timeout,
        };
        var client = _setup.Services.Agentless.CimClients(target);
        try
        {
            await foreach (var _ in client.QueryAsync("SELECT * FROM Win32_OperatingSystem", cancellationToken).ConfigureAwait(false))
            {
                return AccessOutcome.Ok;
            }

            return new AccessOutcome("NoOperatingSystem", "the computer answered but returned no Win32_OperatingSystem instance", false);
        }
        catch (CimException failure)
        {
            return AccessOutcome.From(failure);
        }
        finally
        {
            (client as IDisposable)?.Dispose();
        }
    }

    private async Task<AccessOutcome> SshAsync(AgentlessEndpoint endpoint, RunAsCredential credential, CancellationToken cancellationToken)
    {
        if (credential.UserName is not { } user || (credential.Password is null && credential.PrivateKey is null))
        {
            return new AccessOutcome("WrongAccountKind", $"SSH needs a user name with a password or a private key; Run As account {_account!.Binding.AccountName} is a {credential.Kind} account", false);
        }

        var sshCredential = credential.PrivateKey is { } key ? SshCredential.WithPrivateKey(user, key, credential.Passphrase) : SshCredential.WithPassword(user, credential.Password!);
        var result = await _setup.Services.Agentless.Ssh.RunAsync(
            new SshCommandRequest(endpoint.Address, sshCredential, "echo ok")
            {
                Port = endpoint.Port,
                ConnectTimeout = Configuration.Timeout,
                CommandTimeout = Configuration.Timeout,
                TrustOnFirstUse = endpoint.TrustOnFirstUse,
            },
            cancellationToken).ConfigureAwait(false);
        return result.Completed && result.ExitCode != 0
            ? new AccessOutcome("CommandFailed", $"echo exited with {result.ExitCode}: {result.StandardError.Trim()}", false)
            : AccessOutcome.From(result);
    }

    private async Task<AccessOutcome> SnmpAsync(AgentlessEndpoint endpoint, RunAsCredential credential, CancellationToken cancellationToken)
    {
        if (credential.CommunityString is not { } community)
        {
            return new AccessOutcome("WrongAccountKind", $"SNMP v2c needs a community string; Run As account {_account!.Binding.AccountName} is a {credential.Kind} account", false);
        }

        IPAddress address;
        if (!IPAddress.TryParse(endpoint.Address, out address!))
        {
            try
            {
                var found = await Dns.GetHostAddressesAsync(endpoint.Address, cancellationToken).ConfigureAwait(false);
                address = found.Length > 0 ? found[0] : throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound);
            }
            catch (System.Net.Sockets.SocketException notFound)
            {
                return new AccessOutcome("NameNotResolved", $"{endpoint.Address} does not resolve: {notFound.Message}", true);
            }
        }

        var agent = new SnmpAgent(new IPEndPoint(address, endpoint.Port), community) { Timeout = Configuration.Timeout / 2, Retries = 1 };
        using var client = new SnmpClient(agent, _setup.Services.Time);
        var result = await client.GetAsync([SysUpTime], cancellationToken).ConfigureAwait(false);
        return result.Error is { } error ? AccessOutcome.From(error) : AccessOutcome.Ok;
    }

    /// <summary>Makes <see cref="ComputerAccessProbe"/>s; never shared (each holds its target's account).</summary>
    public sealed class Factory : NativeModuleFactory
    {
        public const string Id = "MonitoringHost.Agentless.ComputerAccessProbe";

        public override string TypeId => Id;

        public override ModuleInstance Create(ModuleSetup setup)
        {
            ArgumentNullException.ThrowIfNull(setup);
            var configuration = ComputerAccessProbeConfiguration.Read(setup.Configuration);

            // Only computers added to be managed are checked (the instance is made anew when one is added).
            return setup.Services.Agentless.Endpoints.IsManaged(configuration.ComputerName, configuration.Protocol)
                ? new ComputerAccessProbe(setup, configuration)
                : throw new ModuleNotApplicableException($"{configuration.ComputerName} was not added to be managed over {configuration.Protocol} (mh computer add), so its availability is not checked");
        }
    }
}
