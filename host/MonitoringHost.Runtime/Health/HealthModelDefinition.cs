using System.Collections.Frozen;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Model;
using Monitor = MonitoringHost.ManagementPacks.Model.Monitor;

namespace MonitoringHost.Runtime.Health;

/// <summary>
/// The health model of a pack set (mp-format.md §3.4, §7.2, §8.3): every unit, aggregate and dependency monitor
/// resolved, and per class the tree of monitors its objects get (those targeting the class or a base), rooted at
/// <c>System.Health.EntityState</c>. A monitor whose parent chain does not reach that root (no parent, a parent that
/// does not resolve) takes no part, with a line in <see cref="Problems"/>. Immutable; a new pack set builds a new one.
/// </summary>
public sealed class HealthModelDefinition
{
    public const string EntityStateId = "System.Health.EntityState";

    private readonly FrozenDictionary<string, MonitorDefinition> _byName;
    private readonly FrozenDictionary<string, ClassHealthTemplate> _templates;

    public HealthModelDefinition(ClassCatalog classes)
    {
        Classes = classes ?? throw new ArgumentNullException(nameof(classes));
        var packs = classes.Packs;
        var problems = new List<string>();
        var monitors = new List<MonitorDefinition>();
        foreach (var (pack, element) in packs.All<Monitor>())
        {
            if (packs.Find<ClassType>(pack, element.Settings.Target) is { } target && classes.Class(target.Element.Id) is { } type)
            {
                monitors.Add(new MonitorDefinition(pack, element, type, monitors.Count));
            }
            else
            {
                problems.Add($"{pack.Id}!{element.Id}: the target class {element.Settings.Target} is not imported");
            }
        }

        var byKey = monitors.ToDictionary(m => m.Key, StringComparer.Ordinal);
        MonitorDefinition? Resolve(MonitorDefinition from, string reference) =>
            packs.Find<Monitor>(from.Pack, reference) is { } found ? byKey.GetValueOrDefault(found.Pack.Id + "!" + found.Element.Id) : null;

        foreach (var monitor in monitors)
        {
            if (monitor.Element.ParentMonitorId is { } parent)
            {
                monitor.Parent = Resolve(monitor, parent) is { Kind: MonitorKind.Aggregate } aggregate ? aggregate : null;
            }

            switch (monitor.Element)
            {
                case AggregateMonitor aggregate:
                    monitor.Algorithm = aggregate.Algorithm == "BestOf" ? RollupAlgorithm.BestOf : RollupAlgorithm.WorstOf;
                    break;
                case DependencyMonitor dependency:
                    Describe(monitor, dependency, Resolve(monitor, dependency.MemberMonitor), problems);
                    break;
            }
        }

        var rolledUp = monitors.Where(m => RollsUpToRoot(m, problems)).ToList();
        Monitors = monitors;
        Problems = problems;
        _byName = monitors
            .SelectMany(m => new[] { (Name: m.Key, m), (Name: m.Id, m), (Name: m.Guid.ToString("D"), m) })
            .DistinctBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(x => x.Name, x => x.m, StringComparer.OrdinalIgnoreCase);
        _templates = classes.Classes.ToFrozenDictionary(
            c => c.Name,
            c => new ClassHealthTemplate(c, [.. rolledUp.Where(m => AppliesTo(m, c))]),
            StringComparer.Ordinal);
    }

    public ClassCatalog Classes { get; }

    /// <summary>Every monitor of the pack set, in pack and document order (<see cref="MonitorDefinition.Ordinal"/> order).</summary>
    public IReadOnlyList<MonitorDefinition> Monitors { get; }

    /// <summary>Monitors that take no part, and why.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>A monitor by <c>Pack!Element</c>, element ID (the first pack's where two packs use one) or GUID; null when none.</summary>
    public MonitorDefinition? Monitor(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The monitors objects of <paramref name="type"/> get, root first, as a flat list.</summary>
    public IReadOnlyList<MonitorDefinition> MonitorsOf(ClassInfo type) => [.. Template(type).Nodes.Reverse()];

    internal ClassHealthTemplate Template(ClassInfo type) => _templates[type.Name];

    private void Describe(MonitorDefinition monitor, DependencyMonitor dependency, MonitorDefinition? member, List<string> problems)
    {
        monitor.Algorithm = dependency.Algorithm switch
        {
            "BestOf" => RollupAlgorithm.BestOf,
            "Percentage" => RollupAlgorithm.Percentage,
            _ => RollupAlgorithm.WorstOf,
        };
        if (monitor.Algorithm == RollupAlgorithm.Percentage)
        {
            if (dependency.AlgorithmParameter is { } p and >= 1 and <= 100)
            {
                monitor.Percentage = p;
            }
            else
            {
                problems.Add($"{monitor.Key}: a Percentage dependency monitor needs an AlgorithmParameter in 1..100, not '{dependency.AlgorithmParameter}'; 100 is used");
            }
        }

        monitor.Relationship = Classes.Packs.Find<RelationshipType>(monitor.Pack, dependency.RelationshipType) is { } found ? Classes.Relationship(found.Element.Id) : null;
        monitor.MemberMonitor = member?.Ordinal ?? -1;
        monitor.MemberInMaintenance = MemberRule(dependency.MemberInMaintenance);
        monitor.MemberUnAvailable = MemberRule(dependency.MemberUnAvailable);
        if (monitor.Relationship is null)
        {
            problems.Add($"{monitor.Key}: the relationship type {dependency.RelationshipType} is not imported; the monitor has no members");
        }

        if (member is null)
        {
            problems.Add($"{monitor.Key}: the member monitor {dependency.MemberMonitor} is not imported; the monitor has no members");
        }
    }

    /// <summary>The monitor and every aggregate above it target the class or a base (validation reports a parent that does not).</summary>
    private static bool AppliesTo(MonitorDefinition monitor, ClassInfo type)
    {
        for (MonitorDefinition? m = monitor; m is not null; m = m.Parent)
        {
            if (!type.IsA(m.Target))
            {
                return false;
            }
        }

        return true;
    }

    private static HealthState MemberRule(string? text) =>
        text is not null && Enum.TryParse<HealthState>(text, ignoreCase: false, out var state) ? state : HealthState.Uninitialized;

    private static bool RollsUpToRoot(MonitorDefinition monitor, List<string> problems)
    {
        var seen = new HashSet<MonitorDefinition>();
        var current = monitor;
        while (current.Parent is { } parent && seen.Add(current))
        {
            current = parent;
        }

        if (current.Parent is null && current.Id == EntityStateId && current.Pack.Id == "System.Health.Library")
        {
            return true;
        }

        problems.Add(current.Element.ParentMonitorId is { } missing && current.Parent is null
            ? $"{monitor.Key}: the parent monitor {missing} of {current.Key} is not an imported aggregate monitor; it takes no part in the health model"
            : $"{monitor.Key}: it does not roll up to {EntityStateId}; it takes no part in the health model");
        return false;
    }
}
