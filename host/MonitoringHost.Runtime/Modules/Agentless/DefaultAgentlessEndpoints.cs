using System.Globalization;
using System.Net;

namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// Endpoints from the name alone: <c>host</c> gets the protocol's default port, <c>host:port</c> (or
/// <c>[v6]:port</c>, <c>v4:port</c>) the port it names. Used where no computer was added, and as the fallback of the
/// management server's registry.
/// </summary>
public sealed class DefaultAgentlessEndpoints : IAgentlessEndpoints
{
    public static DefaultAgentlessEndpoints Instance { get; } = new();

    public AgentlessEndpoint Resolve(string computerName, string protocol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(computerName);
        var (address, port) = Split(computerName.Trim());
        return new AgentlessEndpoint(protocol, address, port ?? AgentlessProtocols.DefaultPort(protocol));
    }

    /// <summary>Nothing is added here: false.</summary>
    public bool IsManaged(string computerName, string protocol) => false;

    /// <summary>Splits <c>host:port</c>; a bare IPv6 address (several colons, no brackets) has no port.</summary>
    public static (string Address, int? Port) Split(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith('[') && name.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
        {
            var inside = name[1..close];
            return close + 1 < name.Length && name[close + 1] == ':' && Port(name[(close + 2)..]) is { } bracketed
                ? (inside, bracketed)
                : (inside, null);
        }

        var colon = name.LastIndexOf(':');
        if (colon <= 0 || name.IndexOf(':', StringComparison.Ordinal) != colon || IPAddress.TryParse(name, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return (name, null);
        }

        return Port(name[(colon + 1)..]) is { } port ? (name[..colon], port) : (name, null);
    }

    private static int? Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port : null;
}
