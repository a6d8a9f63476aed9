using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Runtime.Overrides;

namespace MonitoringHost.Runtime.Health;

/// <summary>
/// The health of every object (mp-format.md §8.3): per object, the state of each monitor of its class's tree; unit
/// monitors set from their monitor type states, aggregate and dependency monitors rolled up incrementally along
/// the path a change takes (parents on the same object, dependency monitors of the objects that have it as a member,
/// and so on up). Each operation appends what it changed to an <see cref="OperationsBatch"/>: a
/// <see cref="MonitorStateRecord"/> per monitor whose state (or monitor type state) changed, a
/// <see cref="StateChange"/> per health value that changed, removed objects. Not thread-safe by design: one engine
/// loop makes every call, so nothing here takes a lock.
/// </summary>
public sealed partial class HealthModel
{
    private readonly Dictionary<Guid, EntityHealth> _entities = [];
    private readonly Dictionary<Guid, RelationshipLink> _links = [];
    private readonly Stack<(EntityHealth Entity, int Node)> _pending = new();
    private readonly OverrideResolver _overrides;
    private DateTimeOffset _time;
    private OperationsBatch? _batch;
    private bool _silent;

    /// <param name="definition">The pack set's monitors, per class.</param>
    /// <param name="overrides">Resolves Enabled overrides per (monitor, object), over the same pack set and the instance space.</param>
    public HealthModel(HealthModelDefinition definition, OverrideResolver overrides)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _overrides = overrides ?? throw new ArgumentNullException(nameof(overrides));
    }

    public HealthModelDefinition Definition { get; }

    public int ObjectCount => _entities.Count;

    /// <summary>Aggregate and dependency monitor nodes recomputed since the model was made (what incremental rollup saves).</summary>
    public long Recomputations { get; private set; }

    private OperationsBatch Batch => _batch ?? throw new InvalidOperationException("the health model changes state only inside an operation");

    /// <summary>
    /// Runs one operation: its changes go to <paramref name="batch"/> at <paramref name="time"/>, then everything it
    /// queued is rolled up. An operation that fails part way leaves nothing queued for the next one.
    /// </summary>
    private T Run<T>(DateTimeOffset time, OperationsBatch batch, Func<T> operation)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _time = time;
        _batch = batch;
        try
        {
            var result = operation();
            DrainPending();
            return result;
        }
        finally
        {
            _pending.Clear();
            _batch = null;
            _silent = false;
        }
    }

    /// <summary>Recomputes what changes queued, and what those changes queue, until nothing is left.</summary>
    private void DrainPending()
    {
        while (_pending.TryPop(out var next))
        {
            Evaluate(next.Entity, next.Node);
        }
    }

    /// <summary>Recomputes an aggregate or dependency node; a unit monitor's state is only ever set, never computed.</summary>
    private void Evaluate(EntityHealth entity, int node)
    {
        Recomputations++;
        var monitor = entity.Template.Nodes[node];
        if (entity.Removed || entity.InMaintenance || monitor.Kind == MonitorKind.Unit)
        {
            return;
        }

        HealthState state;
        if (entity.Disabled[node])
        {
            state = HealthState.Uninitialized;
        }
        else if (monitor.Kind == MonitorKind.Dependency)
        {
            var slot = entity.Template.DependencySlots[node] * 4;
            var counts = entity.Counts;
            state = HealthRollup.Combine(monitor.Algorithm, counts[slot + 1], counts[slot + 2], counts[slot + 3], monitor.Percentage);
        }
        else
        {
            int success = 0, warning = 0, error = 0;
            foreach (var child in entity.Template.Children[node])
            {
                if (!entity.Disabled[child])
                {
                    switch (entity.State(child))
                    {
                        case HealthState.Success: success++; break;
                        case HealthState.Warning: warning++; break;
                        case HealthState.Error: error++; break;
                    }
                }
            }

            state = HealthRollup.Combine(monitor.Algorithm, success, warning, error);
        }

        if (state != entity.State(node))
        {
            Commit(entity, node, state, null);
        }
    }

    /// <summary>Sets a node's state, records it, and queues what depends on it: its parent and the dependency monitors counting it.</summary>
    private void Commit(EntityHealth entity, int node, HealthState state, string? context)
    {
        var old = entity.State(node);
        entity.States[node] = (byte)state;
        entity.LastChanged[node] = _time.UtcTicks;
        if (!_silent)
        {
            Batch.StateChanges.Add(new StateChange(entity.Id, entity.Template.Nodes[node].Id, old, state, _time, context));
        }

        Batch.States.Add(Record(entity, node));
        Recount(entity, entity.Template.Nodes[node].Ordinal, old, state, entity.InMaintenance, entity.Unavailable);
        if (entity.Template.Parents[node] is var parent and >= 0)
        {
            _pending.Push((entity, parent));
        }
    }

    /// <summary>A node as the store keeps it; <see cref="DateTimeOffset.MinValue"/> as the time of a state that never changed.</summary>
    private static MonitorStateRecord Record(EntityHealth entity, int node) => new(
        entity.Id,
        entity.Template.Nodes[node].Id,
        entity.State(node),
        entity.MonitorTypeState(node),
        new DateTimeOffset(entity.LastChanged[node], TimeSpan.Zero));

    /// <summary>
    /// A member's contribution to the dependency monitors counting it changed: its state of monitor
    /// <paramref name="ordinal"/> went from <paramref name="old"/> to <paramref name="now"/>, or (ordinal -1) its
    /// maintenance or availability changed from the flags given to its current ones.
    /// </summary>
    private void Recount(EntityHealth member, int ordinal, HealthState old, HealthState now, bool wasInMaintenance, bool wasUnavailable)
    {
        if (member.Host is { Removed: false } host)
        {
            Recount(host, host.Template.DependenciesOverHosting(member.Template.Class, Definition.Classes), member, ordinal, old, now, wasInMaintenance, wasUnavailable);
        }

        if (member.Incoming is { } incoming)
        {
            foreach (var link in incoming)
            {
                Recount(link.Source, link.Source.Template.DependenciesOver(link.Type), member, ordinal, old, now, wasInMaintenance, wasUnavailable);
            }
        }
    }

    private void Recount(EntityHealth source, int[] dependencies, EntityHealth member, int ordinal, HealthState old, HealthState now, bool wasInMaintenance, bool wasUnavailable)
    {
        foreach (var node in dependencies)
        {
            var monitor = source.Template.Nodes[node];
            if (ordinal < 0)
            {
                var state = member.StateOf(monitor.MemberMonitor);
                Move(source, node, Counted(monitor, state, wasInMaintenance, wasUnavailable), Counted(monitor, state, member.InMaintenance, member.Unavailable));
            }
            else if (monitor.MemberMonitor == ordinal)
            {
                Move(source, node, Counted(monitor, old, wasInMaintenance, wasUnavailable), Counted(monitor, now, member.InMaintenance, member.Unavailable));
            }
        }
    }

    /// <summary>Adds (or takes away) a member's contribution to the matching dependency monitors of <paramref name="source"/>.</summary>
    private void Count(EntityHealth source, int[] dependencies, EntityHealth member, bool add)
    {
        foreach (var node in dependencies)
        {
            var monitor = source.Template.Nodes[node];
            var counted = Counted(monitor, member.StateOf(monitor.MemberMonitor), member.InMaintenance, member.Unavailable);
            Move(source, node, add ? -1 : counted, add ? counted : -1);
        }
    }

    private void Move(EntityHealth source, int node, int from, int to)
    {
        if (from == to)
        {
            return;
        }

        var slot = source.Template.DependencySlots[node] * 4;
        if (from >= 0)
        {
            source.Counts[slot + from]--;
        }

        if (to >= 0)
        {
            source.Counts[slot + to]++;
        }

        _pending.Push((source, node));
    }

    /// <summary>What a member counts as: in maintenance → MemberInMaintenance, else unavailable → MemberUnAvailable, else its state.</summary>
    private static int Counted(MonitorDefinition dependency, HealthState state, bool inMaintenance, bool unavailable) =>
        (int)(inMaintenance ? dependency.MemberInMaintenance : unavailable ? dependency.MemberUnAvailable : state);

    /// <summary>
    /// Brings every node of an object up to date, bottom-up: unit monitors to their monitor type state's health
    /// (Uninitialized when disabled), then every aggregate and dependency monitor.
    /// </summary>
    private void RecomputeAll(EntityHealth entity)
    {
        var template = entity.Template;
        for (var node = 0; node < template.Nodes.Length; node++)
        {
            var monitor = template.Nodes[node];
            if (monitor.Kind != MonitorKind.Unit)
            {
                Evaluate(entity, node);
                continue;
            }

            var state = entity.Disabled[node] ? HealthState.Uninitialized
                : entity.MonitorTypeState(node) is { } typeState && monitor.OperationalStates.TryGetValue(typeState, out var mapped) ? mapped
                : entity.State(node);
            if (state != entity.State(node))
            {
                Commit(entity, node, state, entity.MaintenanceContexts?.GetValueOrDefault(node));
            }
        }
    }
}
