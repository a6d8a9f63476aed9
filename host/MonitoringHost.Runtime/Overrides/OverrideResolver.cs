using System.Collections.Frozen;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.Runtime.Overrides;

/// <summary>
/// Works out which overrides apply to a (workflow, object) and which wins for each setting (mp-format.md §3.6): an
/// override applies when the object is of its Context class (or a derived one), or is its ContextInstance, or is a
/// member of the ContextInstance group (through containment, recursively). Class-level before group-level before
/// instance-level, the most specific winning; at one level an enforced override wins; between equals the last in
/// pack and document order wins, so the outcome is at least deterministic where SCOM leaves it undefined.
/// </summary>
public sealed class OverrideResolver
{
    private readonly ClassCatalog _classes;
    private readonly InstanceSpace _space;
    private readonly FrozenDictionary<string, (ManagementPack Pack, Override Element, int Order)[]> _byWorkflow;
    private readonly FrozenSet<Guid> _contextInstances;

    public OverrideResolver(ClassCatalog classes, InstanceSpace space)
    {
        _classes = classes ?? throw new ArgumentNullException(nameof(classes));
        _space = space ?? throw new ArgumentNullException(nameof(space));
        var order = 0;
        _byWorkflow = classes.Packs.Packs
            .SelectMany(pack => pack.Elements.OfType<Override>().Select(o => (pack, o)))
            .Select(p => (p.pack, p.o, Order: order++, Target: p.o.Element is { } element ? classes.Packs.Find(p.pack, element) : null))
            .Where(p => p.Target is not null)
            .GroupBy(p => p.Target!.Value.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => (p.pack, p.o, p.Order)).ToArray(), StringComparer.Ordinal);
        _contextInstances = classes.Packs.Packs
            .SelectMany(pack => pack.Elements.OfType<Override>())
            .Select(o => Guid.TryParse(o.ContextInstance, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToFrozenSet();
    }

    /// <summary>
    /// Whether some override names <paramref name="objectId"/> as its ContextInstance: when that object's contained
    /// members change (a group's membership), their effective workflows change too.
    /// </summary>
    public bool IsContextInstance(Guid objectId) => _contextInstances.Contains(objectId);

    /// <summary>The overrides of workflow <paramref name="workflowKey"/> (<c>Pack!Element</c>) that apply to <paramref name="target"/>, least specific first.</summary>
    public IReadOnlyList<AppliedOverride> Applicable(string workflowKey, MonitoringObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!_byWorkflow.TryGetValue(workflowKey, out var candidates))
        {
            return [];
        }

        var applied = new List<AppliedOverride>();
        var type = _classes.Class(target.ClassName);
        foreach (var (pack, element, order) in candidates)
        {
            if (Level(pack, element, target, type) is { } level)
            {
                applied.Add(new AppliedOverride($"{pack.Id}!{element.Id}", element, level, order));
            }
        }

        // Ascending precedence: a later entry beats an earlier one for the same setting.
        return [.. applied.OrderBy(a => a.Level).ThenBy(a => a.Element.Enforced).ThenBy(a => a.Order)];
    }

    private OverrideLevel? Level(ManagementPack pack, Override element, MonitoringObject target, ClassInfo? type)
    {
        if (_classes.Packs.Find<ClassType>(pack, element.Context) is not { } context || _classes.Class(context.Element.Id) is not { } contextClass)
        {
            return null;
        }

        if (element.ContextInstance is not { Length: > 0 } instance)
        {
            return type is not null && type.IsA(contextClass) ? OverrideLevel.Class : null;
        }

        if (!Guid.TryParse(instance, out var instanceId))
        {
            return null;
        }

        if (instanceId == target.Id)
        {
            return OverrideLevel.Instance;
        }

        return _space.Contains(instanceId, target.Id) ? OverrideLevel.Group : null;
    }
}

/// <summary>An override that applies to one object: its <c>Pack!Override</c> id, the element, its level, its place in pack order.</summary>
public sealed record AppliedOverride(string Id, Override Element, OverrideLevel Level, int Order);
