namespace MonitoringHost.Runtime.Modules.Agentless;

/// <summary>
/// The remote protocols agentless-managed computers are reached with, their default ports, and the Run As profile a
/// protocol module uses when its module type names none: the library packs' own profiles, so that an account
/// assigned to them in the usual way (<c>mh runas assign</c>) reaches every module of the protocol.
/// </summary>
public static class AgentlessProtocols
{
    public const string WsMan = "wsman";
    public const string Ssh = "ssh";
    public const string Snmp = "snmp";

    /// <summary>WinRM's HTTP listener; HTTPS listens on 5986.</summary>
    public const int WsManPort = 5985;
    public const int WsManHttpsPort = 5986;
    public const int SshPort = 22;
    public const int SnmpPort = 161;

    public const string WsManProfile = "Microsoft.SystemCenter.WSManagement.Library!Microsoft.SystemCenter.WSManagement.WSManActionAccount";
    public const string SshProfile = "Microsoft.Unix.Library!Microsoft.Unix.ActionAccount";
    public const string SshPrivilegedProfile = "Microsoft.Unix.Library!Microsoft.Unix.PrivilegedAccount";
    public const string SnmpProfile = "System.NetworkManagement.Library!System.NetworkManagement.Snmp.MonitoringAccount";

    public static IReadOnlyList<string> All { get; } = [WsMan, Ssh, Snmp];

    /// <summary>True for <c>wsman</c>, <c>ssh</c> and <c>snmp</c> (exactly, lower case).</summary>
    public static bool IsKnown(string protocol) => protocol is WsMan or Ssh or Snmp;

    public static int DefaultPort(string protocol) => protocol switch
    {
        WsMan => WsManPort,
        Ssh => SshPort,
        Snmp => SnmpPort,
        _ => throw Unknown(protocol),
    };

    public static string DefaultProfile(string protocol) => protocol switch
    {
        WsMan => WsManProfile,
        Ssh => SshProfile,
        Snmp => SnmpProfile,
        _ => throw Unknown(protocol),
    };

    private static ArgumentException Unknown(string protocol) =>
        new($"'{protocol}' is not an agentless protocol (wsman, ssh or snmp)", nameof(protocol));
}
