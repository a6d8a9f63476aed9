using System.Collections.Concurrent;
using System.Collections.Frozen;
using MonitoringHost.Discovery.Classes;

namespace MonitoringHost.Runtime.Health;

/// <summary>
/// The health tree every object of one class gets: the monitors targeting the class or a base that roll up to
/// <c>System.Health.EntityState</c>, numbered children before parents (the root is the last node), so one pass in
/// index order recomputes a whole tree bottom-up. Objects hold arrays indexed like <see cref="Nodes"/>.
/// </summary>
internal sealed class ClassHealthTemplate
{
    private readonly FrozenDictionary<int, int> _byOrdinal;
    private readonly ConcurrentDictionary<object, int[]> _matching = new(ReferenceEqualityComparer.Instance);

    public ClassHealthTemplate(ClassInfo type, IReadOnlyList<MonitorDefinition> monitors)
    {
        Class = type;

        // Deepest first, pack order within a depth: children always come before their parent.
        Nodes = [.. monitors.Select((m, order) => (m, order, Depth: Depth(m))).OrderByDescending(x => x.Depth).ThenBy(x => x.order).Select(x => x.m)];
        _byOrdinal = Nodes.Select((m, i) => (m.Ordinal, i)).ToFrozenDictionary(x => x.Ordinal, x => x.i);
        Parents = [.. Nodes.Select(m => m.Parent is { } p ? IndexOf(p.Ordinal) : -1)];
        var byPackOrder = Enumerable.Range(0, Nodes.Length).OrderBy(i => Nodes[i].Ordinal).ToArray();
        Children = [.. Enumerable.Range(0, Nodes.Length).Select(parent => byPackOrder.Where(i => Parents[i] == parent).ToArray())];
        Root = Nodes.Length - 1;
        DependencySlots = new int[Nodes.Length];
        for (var i = 0; i < Nodes.Length; i++)
        {
            DependencySlots[i] = Nodes[i].Kind == MonitorKind.Dependency ? DependencyCount++ : -1;
        }

        DefaultDisabled = WithDisabledSubtrees([.. Nodes.Select(m => !m.EnabledInPack)]);
    }

    public ClassInfo Class { get; }

    /// <summary>The monitors, children before parents; the root (<c>System.Health.EntityState</c>) last.</summary>
    public MonitorDefinition[] Nodes { get; }

    /// <summary>Each node's parent index; -1 for the root.</summary>
    public int[] Parents { get; }

    /// <summary>Each node's children, in pack order.</summary>
    public int[][] Children { get; }

    /// <summary>The root's index, or -1 for a class without a health tree.</summary>
    public int Root { get; }

    /// <summary>Each dependency node's slot in an object's member counts; -1 for other nodes.</summary>
    public int[] DependencySlots { get; }

    public int DependencyCount { get; }

    /// <summary>Disabled in its pack, or beneath an aggregate that is: what an object without Enabled overrides gets.</summary>
    public bool[] DefaultDisabled { get; }

    /// <summary>The node of the monitor with <paramref name="ordinal"/>, or -1 when the monitor does not apply to this class.</summary>
    public int IndexOf(int ordinal) => _byOrdinal.TryGetValue(ordinal, out var index) ? index : -1;

    /// <summary>A disabled aggregate takes its whole subtree out: marks every node beneath a disabled one.</summary>
    public bool[] WithDisabledSubtrees(bool[] own)
    {
        // Parents have higher indices: walking down from the root sees a parent before its children.
        for (var i = Nodes.Length - 1; i >= 0; i--)
        {
            own[i] |= Parents[i] >= 0 && own[Parents[i]];
        }

        return own;
    }

    /// <summary>Dependency nodes whose members include targets of a stored relationship of <paramref name="type"/>.</summary>
    public int[] DependenciesOver(RelationshipInfo type) =>
        DependencyCount == 0 ? [] : _matching.TryGetValue(type, out var known) ? known : _matching.GetOrAdd(type, OverRelationship(type));

    /// <summary>
    /// Dependency nodes whose members include an object of <paramref name="member"/> class hosted by an object of this
    /// class: hosting is implied by the host chain, not stored, so the relationship type matches when some hosting
    /// type between the two classes derives from it.
    /// </summary>
    public int[] DependenciesOverHosting(ClassInfo member, ClassCatalog classes)
    {
        if (DependencyCount == 0)
        {
            return [];
        }

        if (_matching.TryGetValue(member, out var known))
        {
            return known;
        }

        return _matching.GetOrAdd(member, OverHosting(member, classes));
    }

    // Lambdas capturing parameters live in methods of their own, so the lookups above allocate nothing once cached.
    private int[] OverRelationship(RelationshipInfo type) => Matching(r => type.IsA(r.Name));

    private int[] OverHosting(ClassInfo member, ClassCatalog classes)
    {
        var hosting = classes.Relationships.Where(x => x.IsHosting && Class.IsA(x.Source) && member.IsA(x.Target)).ToList();
        return Matching(r => hosting.Exists(x => x.IsA(r.Name)));
    }

    private int[] Matching(Func<RelationshipInfo, bool> matches) =>
        [.. Enumerable.Range(0, Nodes.Length).Where(i => Nodes[i].Relationship is { } r && matches(r))];

    private static int Depth(MonitorDefinition monitor)
    {
        var depth = 0;
        for (var p = monitor.Parent; p is not null; p = p.Parent)
        {
            depth++;
        }

        return depth;
    }
}
