using MonitoringHost.Probes.Snmp;
using MonitoringHost.Probes.Ssh;
using MonitoringHost.Probes.WsMan;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// One attempt to reach a computer over a protocol, in the words every agentless module reports it with:
/// <see cref="Status"/> (<c>OK</c> or the failure's name), <see cref="Message"/>, and whether the computer did not
/// answer at all (<see cref="Unreachable"/>: it backs off) or answered and refused or failed the request.
/// </summary>
public sealed record AccessOutcome(string Status, string Message, bool Unreachable)
{
    public static AccessOutcome Ok { get; } = new("OK", "answered", false);

    public bool Succeeded => Status == "OK";

    /// <summary>Records the outcome for <paramref name="endpoint"/> in <paramref name="reachability"/>.</summary>
    public RemoteHostState Report(RemoteReachability reachability, AgentlessEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(reachability);
        ArgumentNullException.ThrowIfNull(endpoint);
        return Succeeded
            ? reachability.Succeeded(endpoint.Protocol, endpoint.HostKey)
            : reachability.Failed(endpoint.Protocol, endpoint.HostKey, Status, Message, Unreachable);
    }

    public static AccessOutcome From(SshCommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            SshCommandStatus.Completed => Ok,
            SshCommandStatus.ConnectionRefused or SshCommandStatus.ConnectionFailed or SshCommandStatus.ConnectTimeout =>
                new(result.Status.ToString(), result.Message ?? result.Status.ToString(), true),
            _ => new(result.Status.ToString(), result.Message ?? result.Status.ToString(), false),
        };
    }

    public static AccessOutcome From(SnmpError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Kind.ToString(), error.Message, error.Kind is SnmpErrorKind.Timeout or SnmpErrorKind.Refused or SnmpErrorKind.Network);
    }

    public static AccessOutcome From(CimException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(error.Kind.ToString(), error.Message, error.Kind is CimErrorKind.Unreachable or CimErrorKind.Timeout);
    }
}
