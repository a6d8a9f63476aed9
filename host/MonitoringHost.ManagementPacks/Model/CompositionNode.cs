using System.Collections.Immutable;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>A <c>Node</c> of a composition: its children feed it; the outermost node's output is the result.</summary>
public sealed record CompositionNode(string Id, ImmutableArray<CompositionNode> Children, SourceLocation Location);
