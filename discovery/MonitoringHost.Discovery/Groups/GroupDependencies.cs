using System.Collections.Frozen;
using System.Collections.Immutable;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Groups.Expressions;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// What a group's membership can depend on, worked out once from its rules: the classes they mention (rule classes,
/// classes of containment clauses, the group class itself, each with every derived class), the objects of the include
/// and exclude lists, and whether any clause walks containment.
/// </summary>
internal sealed class GroupDependencies
{
    public GroupDependencies(GroupDefinition group, ClassCatalog classes)
    {
        Group = group;
        var mentioned = new List<ClassInfo> { group.GroupClass };
        var walks = false;
        foreach (var rule in group.Rules)
        {
            mentioned.Add(rule.MonitoringClass);
            Visit(rule.Expression);
        }

        Classes = mentioned.SelectMany(classes.SelfAndDerived).Select(c => c.Name).ToFrozenSet(StringComparer.Ordinal);
        Objects = group.Rules.SelectMany(r => r.IncludeList.Concat(r.ExcludeList)).ToFrozenSet();
        OwnRelationshipTypes = group.Rules.Select(r => r.RelationshipClass.Name).ToFrozenSet(StringComparer.Ordinal);
        WalksContainment = walks;

        void Visit(GroupExpression? expression)
        {
            switch (expression)
            {
                case AndExpression and:
                    and.Operands.ToList().ForEach(Visit);
                    break;
                case OrExpression or:
                    or.Operands.ToList().ForEach(Visit);
                    break;
                case NotExpression not:
                    Visit(not.Operand);
                    break;
                case ContainmentExpression containment:
                    walks = true;
                    if (containment.Class is { } type)
                    {
                        mentioned.Add(type);
                    }

                    Visit(containment.Expression);
                    break;
            }
        }
    }

    public GroupDefinition Group { get; }

    public FrozenSet<string> Classes { get; }

    public FrozenSet<Guid> Objects { get; }

    public FrozenSet<string> OwnRelationshipTypes { get; }

    public bool WalksContainment { get; }

    /// <summary>The group objects calculated last time (written by the calculator, read by change handlers).</summary>
    public ImmutableHashSet<Guid> GroupObjects { get; set; } = [];

    /// <summary>
    /// Whether a committed change can alter this group's membership: an object of a mentioned class (or a listed
    /// object) was added, changed or removed, or, for a group that walks containment, a containment relationship
    /// other than this group's own membership was added or removed.
    /// </summary>
    public bool AffectedBy(InstanceSpaceChange change, FrozenDictionary<string, bool> containmentTypes)
    {
        if (Touches(change.AddedObjects) || Touches(change.ChangedObjects) || Touches(change.RemovedObjects))
        {
            return true;
        }

        return WalksContainment && (Walked(change.AddedRelationships) || Walked(change.RemovedRelationships));

        bool Touches(IReadOnlyList<MonitoringObject> objects) => objects.Any(o => Classes.Contains(o.ClassName) || Objects.Contains(o.Id));

        // The group's own membership is recalculated, never read, so its own snapshot does not call for another.
        bool Walked(IReadOnlyList<RelationshipInstance> relationships) => relationships.Any(r =>
            containmentTypes.GetValueOrDefault(r.TypeName)
            && !(OwnRelationshipTypes.Contains(r.TypeName) && GroupObjects.Contains(r.SourceId)));
    }
}
