using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Reading;

/// <summary>The pack read (null when the file could not be read as a pack at all) and every problem found reading it.</summary>
public sealed record ManagementPackReadResult(ManagementPack? Pack, ImmutableArray<PackProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}
