using System.Collections.Frozen;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Model;
using Monitor = MonitoringHost.ManagementPacks.Model.Monitor;

namespace MonitoringHost.Runtime.Health;

/// <summary>
/// One unit, aggregate or dependency monitor of the pack set, resolved once for the health model: its parent, its
/// state mapping (unit), its algorithm (aggregate, dependency), its relationship type, member monitor and member
/// rules (dependency). <see cref="Ordinal"/> numbers the monitors of one <see cref="HealthModelDefinition"/>.
/// </summary>
public sealed class MonitorDefinition
{
    internal MonitorDefinition(ManagementPack pack, Monitor element, ClassInfo target, int ordinal)
    {
        Pack = pack;
        Element = element;
        Target = target;
        Ordinal = ordinal;
        Key = pack.Id + "!" + element.Id;
        Guid = pack.GuidOf(element.Id);
        Name = pack.DisplayStringFor(element.Id)?.Name is { Length: > 0 } name ? name : element.Id;
        Kind = element switch
        {
            UnitMonitor => MonitorKind.Unit,
            AggregateMonitor => MonitorKind.Aggregate,
            _ => MonitorKind.Dependency,
        };
        if (element is UnitMonitor unit)
        {
            OperationalStates = unit.OperationalStates
                .DistinctBy(s => s.MonitorTypeStateId, StringComparer.Ordinal)
                .ToFrozenDictionary(s => s.MonitorTypeStateId, s => s.HealthState, StringComparer.Ordinal);
            HealthyState = unit.OperationalStates.FirstOrDefault(s => s.HealthState == HealthState.Success)?.MonitorTypeStateId;
        }
    }

    public ManagementPack Pack { get; }

    public Monitor Element { get; }

    /// <summary>The monitor's element ID, as state changes and records name it.</summary>
    public string Id => Element.Id;

    /// <summary><c>Pack!Element</c>, as compiled workflows and overrides name it.</summary>
    public string Key { get; }

    public Guid Guid { get; }

    /// <summary>The display name from the pack's language pack, else the ID.</summary>
    public string Name { get; }

    public MonitorKind Kind { get; }

    public ClassInfo Target { get; }

    public int Ordinal { get; }

    /// <summary>Whether the pack enables it (<c>Enabled</c> other than false); overrides may say otherwise per object.</summary>
    public bool EnabledInPack => Element.Settings.IsEnabled;

    /// <summary>The aggregate monitor it rolls up into; null for <c>System.Health.EntityState</c>.</summary>
    public MonitorDefinition? Parent { get; internal set; }

    /// <summary>Unit monitors: monitor type state → health state.</summary>
    public FrozenDictionary<string, HealthState> OperationalStates { get; } = FrozenDictionary<string, HealthState>.Empty;

    /// <summary>Unit monitors: the first monitor type state that maps to Success (what a reset puts the monitor in).</summary>
    public string? HealthyState { get; }

    public RollupAlgorithm Algorithm { get; internal set; }

    /// <summary>Percentage dependency monitors: P in 1..100.</summary>
    public double Percentage { get; internal set; } = 100;

    /// <summary>Dependency monitors: the relationship type whose targets (derived types count) are the members.</summary>
    public RelationshipInfo? Relationship { get; internal set; }

    /// <summary>Dependency monitors: the member monitor's ordinal.</summary>
    public int MemberMonitor { get; internal set; } = -1;

    /// <summary>Dependency monitors: the state a member in maintenance counts as; Uninitialized leaves it out (the default).</summary>
    public HealthState MemberInMaintenance { get; internal set; }

    /// <summary>Dependency monitors: the state an unavailable member counts as; Uninitialized leaves it out (the default).</summary>
    public HealthState MemberUnAvailable { get; internal set; }

    public override string ToString() => Key;
}
