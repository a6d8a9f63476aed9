using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>The pack's identity and the packs it refers to.</summary>
public sealed record ManagementPackManifest(
    string Id,
    Version Version,
    string? Name,
    ImmutableArray<ManagementPackReference> References,
    SourceLocation Location);
