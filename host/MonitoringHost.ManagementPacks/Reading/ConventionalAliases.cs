using System.Collections.Frozen;

namespace MonitoringHost.ManagementPacks.Reading;

/// <summary>
/// The aliases pack authors use for Microsoft's library packs, used for fragments that do not say which pack an
/// alias means.
/// </summary>
public static class ConventionalAliases
{
    /// <summary>Microsoft's public key token, which every library reference carries.</summary>
    public const string MicrosoftKeyToken = "31bf3856ad364e35";

    public static readonly FrozenDictionary<string, string> PackIdByAlias = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System"] = "System.Library",
        ["Health"] = "System.Health.Library",
        ["SC"] = "Microsoft.SystemCenter.Library",
        ["SystemCenter"] = "Microsoft.SystemCenter.Library",
        ["Windows"] = "Microsoft.Windows.Library",
        ["Perf"] = "System.Performance.Library",
        ["Performance"] = "System.Performance.Library",
        ["MSIL"] = "Microsoft.SystemCenter.InstanceGroup.Library",
        ["MSDL"] = "Microsoft.SystemCenter.DataWarehouse.Library",
        ["SCDW"] = "Microsoft.SystemCenter.DataWarehouse.Library",
        ["MSSL"] = "Microsoft.SystemCenter.SyntheticTransactions.Library",
        ["SAL"] = "System.ApplicationLog.Library",
        ["AppLog"] = "System.ApplicationLog.Library",
        ["MSPL"] = "Microsoft.SystemCenter.ProcessMonitoring.Library",
        ["MSWL"] = "Microsoft.SystemCenter.WSManagement.Library",
        ["MUL"] = "Microsoft.Unix.Library",
        ["MUSL"] = "Microsoft.Unix.ShellCommand.Library",
        ["SNL"] = "System.NetworkManagement.Library",
        ["SNMP"] = "System.Snmp.Library",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
