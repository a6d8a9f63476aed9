using System.Collections.Immutable;
using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// Every group a pack set populates, read against one class catalog, and every problem found on the way. Groups with
/// problems are not in <see cref="Groups"/>.
/// </summary>
public sealed record GroupDefinitionSet(ClassCatalog Classes, ImmutableArray<GroupDefinition> Groups, ImmutableArray<GroupProblem> Problems);
