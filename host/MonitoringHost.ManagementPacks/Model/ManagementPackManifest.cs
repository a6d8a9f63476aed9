using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>The pack's identity and the packs it refers to.</summary>
public sealed record ManagementPackManifest(
    string Id,
    Version Version,
    string? Name,
    ImmutableArray<ManagementPackReference> References,
    SourceLocation Location)
{
    /// <summary>Aliases a fragment uses that nothing maps to a pack; already reported when reading, so not again.</summary>
    public ImmutableArray<string> UnmappedAliases { get; init; } = [];
}
