using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Libraries;

/// <summary>Packs read together, with every problem reading them produced.</summary>
public sealed record ManagementPackBatch(ImmutableArray<ManagementPack> Packs, ImmutableArray<PackProblem> Problems);
