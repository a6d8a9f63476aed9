using System.Net;
using System.Net.NetworkInformation;
using System.Reflection;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Server;

/// <summary>
/// The management server as an object of its own, so that it monitors itself: a
/// <c>Microsoft.SystemCenter.ManagementServer</c> hosted on the computer it runs on, submitted as a snapshot from a
/// source of its own at every start. The same name gives the same objects (no change at all on a restart); a new
/// name replaces them, since the snapshot no longer claims the old ones.
/// </summary>
/// <remarks>
/// The libraries define the management server as a <c>Microsoft.SystemCenter.HealthService</c>, a Windows local
/// application, which only <c>Microsoft.Windows.ComputerHostsLocalApplication</c> can host: its host must be a
/// <c>Microsoft.Windows.Computer</c>, whatever the operating system really is. Keeping Microsoft's class (rather than
/// one of our own on a Unix computer) lets every pack written for SCOM's management server target this one unchanged;
/// the computer is keyed by the host's fully qualified name as Windows computers are, and no workflow of the shipped
/// packs targets Windows computers themselves.
/// </remarks>
internal static class SelfDiscovery
{
    public const string ManagementServerClass = "Microsoft.SystemCenter.ManagementServer";

    public const string ComputerClass = "Microsoft.Windows.Computer";

    /// <summary>The source that claims this server's objects (one server per store today; a pool keys it by member).</summary>
    public static readonly DiscoverySource Source = new("server:local");

    /// <summary>This machine's fully qualified name (host name and DNS domain, when the machine has one), without a DNS lookup.</summary>
    public static string LocalName()
    {
        var host = Dns.GetHostName();
        var domain = IPGlobalProperties.GetIPGlobalProperties().DomainName.Trim('.');
        return domain.Length == 0 || host.Contains('.', StringComparison.Ordinal) ? host : $"{host}.{domain}";
    }

    /// <summary>The snapshot that describes the management server called <paramref name="name"/> and its computer.</summary>
    public static DiscoveryData Data(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var shortName = name.Split('.')[0];
        var computer = new ObjectData(ComputerClass, new Dictionary<string, string?>
        {
            ["PrincipalName"] = name,
            ["DNSName"] = name,
            ["NetbiosComputerName"] = shortName.ToUpperInvariant(),
            ["DisplayName"] = name,
        });
        var server = new ObjectData(ManagementServerClass, new Dictionary<string, string?>
        {
            ["DisplayName"] = name,
            ["IsManagementServer"] = "true",
            ["IsAgent"] = "false",
            ["IsGateway"] = "false",
            ["Version"] = typeof(SelfDiscovery).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            ["InstallDirectory"] = AppContext.BaseDirectory,
        }, new ObjectData(ComputerClass, new Dictionary<string, string?> { ["PrincipalName"] = name }));
        return DiscoveryData.Snapshot(Source, [computer, server]);
    }
}
