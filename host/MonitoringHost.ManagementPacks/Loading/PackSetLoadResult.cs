using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Loading;

/// <summary>The resolved set, every problem in it, and the counts a summary line shows.</summary>
public sealed record PackSetLoadResult(PackSet Packs, ImmutableArray<PackProblem> Problems, PackSetSummary Summary)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}
