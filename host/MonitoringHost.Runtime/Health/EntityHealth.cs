using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Runtime.Health;

/// <summary>
/// One object's health: a byte per monitor of its class's tree, a change time per monitor, the unit monitors'
/// monitor type states (allocated at the first detection), member counts per dependency monitor, and the links
/// that carry health between objects (hosting from the host chain, stored relationships).
/// </summary>
internal sealed class EntityHealth
{
    public EntityHealth(MonitoringObject item, ClassHealthTemplate template, bool[] disabled)
    {
        Object = item;
        Template = template;
        Disabled = disabled;
        States = new byte[template.Nodes.Length];
        LastChanged = new long[template.Nodes.Length];
        Counts = template.DependencyCount == 0 ? [] : new int[template.DependencyCount * 4];
    }

    /// <summary>The object as the instance space last announced it.</summary>
    public MonitoringObject Object { get; set; }

    public Guid Id => Object.Id;

    public ClassHealthTemplate Template { get; }

    /// <summary>Per node: takes no part for this object. Shared with the template when no override applies.</summary>
    public bool[] Disabled { get; set; }

    /// <summary>Per node: the <see cref="HealthState"/>.</summary>
    public byte[] States { get; }

    /// <summary>Per node: UTC ticks of the last state change; 0 when it never changed.</summary>
    public long[] LastChanged { get; }

    /// <summary>Per node: the unit monitor's monitor type state; null until one is known.</summary>
    public string?[]? MonitorTypeStates { get; set; }

    /// <summary>Per dependency slot, four counters: members counting as Uninitialized, Success, Warning, Error.</summary>
    public int[] Counts { get; }

    /// <summary>While in maintenance: the context of the last detection per unit node, applied when maintenance ends.</summary>
    public Dictionary<int, string?>? MaintenanceContexts { get; set; }

    public bool InMaintenance { get; set; }

    /// <summary>Marked unavailable itself (an unreachable computer).</summary>
    public bool MarkedUnavailable { get; set; }

    /// <summary>Marked unavailable itself or hosted, at any depth, by an object that is.</summary>
    public bool Unavailable { get; set; }

    public bool Removed { get; set; }

    public EntityHealth? Host { get; set; }

    public HashSet<EntityHealth>? Hosted { get; set; }

    /// <summary>Stored relationships with this object as the target (member).</summary>
    public List<RelationshipLink>? Incoming { get; set; }

    /// <summary>Stored relationships with this object as the source.</summary>
    public HashSet<RelationshipLink>? Outgoing { get; set; }

    public HealthState State(int node) => (HealthState)States[node];

    /// <summary>The state of the monitor with <paramref name="ordinal"/>; Uninitialized when it does not apply to this object.</summary>
    public HealthState StateOf(int ordinal) => Template.IndexOf(ordinal) is var node and >= 0 ? (HealthState)States[node] : HealthState.Uninitialized;

    public string? MonitorTypeState(int node) => MonitorTypeStates?[node];

    public override string ToString() => Object.Path;
}
