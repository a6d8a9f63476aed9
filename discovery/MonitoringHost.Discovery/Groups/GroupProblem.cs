using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// Why a group cannot be calculated as its pack describes it: where (file, line, column and the populating
/// discovery) and what. A group with any problem is left out whole, so that no membership is ever published from
/// half its rules.
/// </summary>
public sealed record GroupProblem(string DiscoveryId, SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {DiscoveryId}: {Message}";
}
