using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A class or relationship type a discovery declares it discovers (with the properties it fills).</summary>
public sealed record DiscoveryType(string TypeId, bool IsRelationship, ImmutableArray<string> PropertyIds, SourceLocation Location);
