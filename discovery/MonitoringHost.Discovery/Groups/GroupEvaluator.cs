using System.Globalization;
using System.Text.RegularExpressions;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Groups.Expressions;
using MonitoringHost.Discovery.Instances;

namespace MonitoringHost.Discovery.Groups;

/// <summary>
/// Works out a group's members from the instance space as it is now. Containment clauses walk hosting (each
/// object's host) and relationships whose type derives from <c>System.Containment</c>. The group's own membership
/// relationships are not read from the space but from the membership being calculated, iterated until it settles,
/// so that a rule such as "watchers of computers contained in this group" needs no second calculation.
/// </summary>
internal sealed class GroupEvaluator(InstanceSpace space)
{
    private const int MaxPasses = 8;

    private readonly ClassCatalog _classes = space.Classes;
    private readonly Dictionary<string, bool> _containment = new(StringComparer.Ordinal);

    /// <summary>The members of one group object; <paramref name="settled"/> is false when the rules kept changing their own answer.</summary>
    public HashSet<GroupMember> Members(GroupDefinition group, MonitoringObject groupObject, bool walksContainment, out bool settled)
    {
        settled = true;
        var own = group.Rules.Select(r => r.RelationshipClass.Name).ToHashSet(StringComparer.Ordinal);
        var members = Pass(group, new Walk(this, groupObject, own, []));
        if (!walksContainment)
        {
            return members;
        }

        for (var pass = 1; pass < MaxPasses; pass++)
        {
            var next = Pass(group, new Walk(this, groupObject, own, [.. members.Select(m => m.ObjectId)]));
            if (next.SetEquals(members))
            {
                return members;
            }

            members = next;
        }

        settled = false;
        return members;
    }

    private HashSet<GroupMember> Pass(GroupDefinition group, Walk walk)
    {
        var members = new HashSet<GroupMember>();
        foreach (var rule in group.Rules)
        {
            var excluded = rule.ExcludeList.ToHashSet();
            foreach (var candidate in space.OfClass(rule.MonitoringClass.Name))
            {
                if (candidate.Id != walk.Group.Id && !excluded.Contains(candidate.Id) && Fits(candidate, rule.RelationshipClass)
                    && (rule.Expression is null || Evaluate(rule.Expression, candidate, walk)))
                {
                    members.Add(new GroupMember(candidate.Id, rule.RelationshipClass));
                }
            }

            foreach (var id in rule.IncludeList.Where(id => !excluded.Contains(id) && id != walk.Group.Id))
            {
                if (space.Get(id) is { } included && Fits(included, rule.RelationshipClass))
                {
                    members.Add(new GroupMember(id, rule.RelationshipClass));
                }
            }
        }

        return members;
    }

    private bool Fits(MonitoringObject item, RelationshipInfo relationship) => ClassOf(item)?.IsA(relationship.Target) == true;

    private ClassInfo? ClassOf(MonitoringObject item) => _classes.Class(item.ClassName);

    private bool Evaluate(GroupExpression expression, MonitoringObject item, Walk walk) => expression switch
    {
        AndExpression and => and.Operands.All(o => Evaluate(o, item, walk)),
        OrExpression or => or.Operands.Any(o => Evaluate(o, item, walk)),
        NotExpression not => !Evaluate(not.Operand, item, walk),
        ComparisonExpression comparison => Compare(comparison, item),
        PatternExpression pattern => Match(pattern, item),
        NullTestExpression test => (ValueOf(test.Value, item) is null) == test.IsNull,
        ContainmentExpression containment => Contains(containment, item, walk),
        _ => throw new InvalidOperationException($"no evaluation for {expression.GetType().Name}"),
    };

    private bool Contains(ContainmentExpression clause, MonitoringObject item, Walk walk)
    {
        var found = walk.Reachable(item.Id, clause.Downward, clause.MaxDepth).Any(id =>
            space.Get(id) is { } other
            && (clause.MatchesGroupObject ? other.Id == walk.Group.Id : ClassOf(other)?.IsA(clause.Class!) == true)
            && (clause.Expression is null || Evaluate(clause.Expression, other, walk)));
        return found != clause.Negated;
    }

    private bool Match(PatternExpression pattern, MonitoringObject item)
    {
        if (ValueOf(pattern.Value, item, out _) is not { } value)
        {
            return false;
        }

        try
        {
            return pattern.Matcher.IsMatch(value) != pattern.Negated;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private string? ValueOf(ValueOperand operand, MonitoringObject item) => ValueOf(operand, item, out _);

    private string? ValueOf(ValueOperand operand, MonitoringObject item, out PropertyInfo? property)
    {
        property = null;
        switch (operand)
        {
            case LiteralOperand literal:
                return literal.Value;
            case GenericPropertyOperand generic:
                return generic.Property switch
                {
                    GenericProperty.Id => item.Id.ToString("D"),
                    GenericProperty.DisplayName => item.DisplayName,
                    GenericProperty.Path => item.Path,
                    GenericProperty.FullName => $"{item.ClassName}:{item.Path}",
                    _ => OwnName(item),
                };
            case PropertyOperand p:
                property = p.Property;
                if (ClassOf(item)?.IsA(p.Class) != true)
                {
                    return null; // the property belongs to a class this object is not
                }

                return item.Properties.TryGetValue(p.Property.Id, out var value) ? value : null;
            default:
                return null;
        }
    }

    private static string OwnName(MonitoringObject item)
    {
        var separator = item.Path.LastIndexOf(';');
        return separator < 0 ? item.Path : item.Path[(separator + 1)..];
    }

    private bool Compare(ComparisonExpression comparison, MonitoringObject item)
    {
        var left = ValueOf(comparison.Left, item, out var leftProperty);
        var right = ValueOf(comparison.Right, item, out var rightProperty);
        if (left is null || right is null)
        {
            return false;
        }

        var property = leftProperty ?? rightProperty;
        var kind = comparison.Left is GenericPropertyOperand { Property: GenericProperty.Id } || comparison.Right is GenericPropertyOperand { Property: GenericProperty.Id }
            ? "guid"
            : property?.Type ?? "string";
        int? order = kind switch
        {
            "int" or "long" or "short" or "byte" or "double" or "decimal" or "float" =>
                double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l) && double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? l.CompareTo(r) : null,
            "bool" => bool.TryParse(left, out var lb) && bool.TryParse(right, out var rb) ? lb.CompareTo(rb) : null,
            "datetime" => DateTimeOffset.TryParse(left, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var lt)
                && DateTimeOffset.TryParse(right, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var rt) ? lt.CompareTo(rt) : null,
            "guid" => Guid.TryParse(left, out var lg) && Guid.TryParse(right, out var rg) ? lg.CompareTo(rg) : null,
            _ => string.Compare(left, right, property?.CaseSensitive == true ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase),
        };

        // A value that does not convert compares false, as a failed cast does in the product.
        return order is { } o && comparison.Operator switch
        {
            ComparisonOperator.Equal => o == 0,
            ComparisonOperator.NotEqual => o != 0,
            ComparisonOperator.Greater => o > 0,
            ComparisonOperator.Less => o < 0,
            ComparisonOperator.GreaterEqual => o >= 0,
            _ => o <= 0,
        };
    }

    private bool IsContainment(string relationshipType)
    {
        if (!_containment.TryGetValue(relationshipType, out var containment))
        {
            _containment[relationshipType] = containment = _classes.Relationship(relationshipType)?.IsContainment == true;
        }

        return containment;
    }

    /// <summary>
    /// The containment graph of one calculation pass: hosting plus containment relationships, with the group's own
    /// membership relationships replaced by <see cref="Candidates"/>. Neighbours are cached for the pass.
    /// </summary>
    private sealed class Walk(GroupEvaluator evaluator, MonitoringObject group, HashSet<string> ownTypes, HashSet<Guid> candidates)
    {
        private readonly Dictionary<Guid, List<Guid>> _children = [];
        private readonly Dictionary<Guid, List<Guid>> _parents = [];

        public MonitoringObject Group => group;

        public HashSet<Guid> Candidates => candidates;

        /// <summary>Objects reachable downward (contained) or upward (containers), breadth first, each once.</summary>
        public IEnumerable<Guid> Reachable(Guid start, bool downward, int? maxDepth)
        {
            var seen = new HashSet<Guid> { start };
            var level = new List<Guid> { start };
            for (var depth = 1; level.Count > 0 && (maxDepth is null || depth <= maxDepth); depth++)
            {
                var next = new List<Guid>();
                foreach (var id in level)
                {
                    foreach (var neighbour in downward ? Children(id) : Parents(id))
                    {
                        if (seen.Add(neighbour))
                        {
                            next.Add(neighbour);
                            yield return neighbour;
                        }
                    }
                }

                level = next;
            }
        }

        private List<Guid> Children(Guid id)
        {
            if (_children.TryGetValue(id, out var known))
            {
                return known;
            }

            var result = evaluator.HostedIds(id);
            result.AddRange(evaluator.ContainmentEdges(id, outgoing: true).Where(r => !IsOwn(r)).Select(r => r.TargetId));
            if (id == group.Id)
            {
                result.AddRange(candidates);
            }

            return _children[id] = result;
        }

        private List<Guid> Parents(Guid id)
        {
            if (_parents.TryGetValue(id, out var known))
            {
                return known;
            }

            var result = new List<Guid>();
            if (evaluator.HostOf(id) is { } host)
            {
                result.Add(host);
            }

            result.AddRange(evaluator.ContainmentEdges(id, outgoing: false).Where(r => !IsOwn(r)).Select(r => r.SourceId));
            if (candidates.Contains(id))
            {
                result.Add(group.Id);
            }

            return _parents[id] = result;
        }

        private bool IsOwn(RelationshipInstance relationship) => relationship.SourceId == group.Id && ownTypes.Contains(relationship.TypeName);
    }

    private List<Guid> HostedIds(Guid id) => [.. space.HostedBy(id).Select(o => o.Id)];

    private Guid? HostOf(Guid id) => space.Get(id)?.HostId;

    private IEnumerable<RelationshipInstance> ContainmentEdges(Guid id, bool outgoing) =>
        space.RelationshipsOf(id).Where(r => (outgoing ? r.SourceId : r.TargetId) == id && IsContainment(r.TypeName));
}
