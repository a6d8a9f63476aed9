using System.Collections.Immutable;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Discovery.Groups;

public sealed partial class GroupCalculator
{
    private const string SourcePrefix = "group:";

    /// <summary>Calculates one group's members for each of its group objects and applies them as that group's snapshot.</summary>
    private async Task CalculateAsync(InstanceSpace space, GroupDependencies dependencies, CancellationToken cancellationToken)
    {
        var group = dependencies.Group;
        var singleton = group.GroupClass.Singleton;
        var groupObjects = space.OfClass(group.GroupClass.Name, includeDerived: !singleton);
        dependencies.GroupObjects = [.. groupObjects.Select(o => o.Id)];
        if (singleton && groupObjects.Count == 0)
        {
            Fail(group, $"the group object ({group.GroupClass.Name}) does not exist in the instance space");
            return;
        }

        var unsettled = false;
        foreach (var groupObject in groupObjects)
        {
            var members = _evaluator!.Members(group, groupObject, dependencies.WalksContainment, out var settled);
            unsettled |= !settled;
            var groupEnd = Describe(space, groupObject);
            var relationships = new List<RelationshipData>(members.Count);
            foreach (var member in members.OrderBy(m => m.ObjectId))
            {
                if (space.Get(member.ObjectId) is { } item && Describe(space, item) is { } end)
                {
                    relationships.Add(new RelationshipData(member.Relationship.Name, groupEnd!, end));
                }
            }

            var source = singleton ? DiscoverySource.Group(group.DiscoveryId) : DiscoverySource.Group($"{group.DiscoveryId}:{groupObject.Id:D}");
            await space.ApplyAsync(DiscoveryData.Snapshot(source, [], relationships), cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _calculations);
        }

        if (unsettled)
        {
            Fail(group, "the membership did not settle: the rules read the group's own membership and keep changing their answer");
        }
        else
        {
            _failures.TryRemove(group.DiscoveryId, out _);
        }
    }

    /// <summary>An existing object named the way discovery data names it: class, key values and host chain.</summary>
    private static ObjectData? Describe(InstanceSpace space, MonitoringObject item)
    {
        var type = space.Classes.Class(item.ClassName);
        if (type is null)
        {
            return null;
        }

        var keys = type.KeyProperties.ToDictionary(k => k.Id, k => (string?)item.Properties.GetValueOrDefault(k.Id), StringComparer.Ordinal);
        ObjectData? host = null;
        if (item.HostId is { } hostId && (space.Get(hostId) is not { } hostObject || (host = Describe(space, hostObject)) is null))
        {
            return null;
        }

        return new ObjectData(item.ClassName, keys, host);
    }

    /// <summary>
    /// Empty snapshots for group sources whose populating discovery no pack declares any more (a disabled discovery
    /// keeps its members, as in the product).
    /// </summary>
    private async Task ReleaseStaleSourcesAsync(InstanceSpace space, CancellationToken cancellationToken)
    {
        var declared = Definitions.Groups.Select(g => g.DiscoveryId).ToImmutableHashSet(StringComparer.Ordinal);
        var stale = space.AllRelationships()
            .SelectMany(r => space.ClaimsOn(r.Id))
            .Where(s => s.StartsWith(SourcePrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Where(s => !declared.Contains(DiscoveryIdOf(s)))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var source in stale)
        {
            await space.ApplyAsync(DiscoveryData.Snapshot(new DiscoverySource(source), [], []), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary><c>group:{discovery}</c> or <c>group:{discovery}:{group object}</c> → the discovery.</summary>
    private static string DiscoveryIdOf(string source)
    {
        var rest = source[SourcePrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? rest : rest[..colon];
    }
}
