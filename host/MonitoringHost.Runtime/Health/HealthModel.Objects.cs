using MonitoringHost.Discovery.Instances;
using MonitoringHost.Runtime.Operations;
using MonitoringHost.Runtime.Overrides;

namespace MonitoringHost.Runtime.Health;

public sealed partial class HealthModel
{
    /// <summary>
    /// Follows one committed change of the instance space (what <c>InstanceSpace.Changed</c> raises; at start, every
    /// object and relationship as added). Added objects get their class's monitors, Uninitialized; removed objects
    /// lose their states (<see cref="OperationsBatch.RemovedObjects"/>) and stop counting in others' dependency
    /// monitors; added and removed relationships add and take away dependency members. A containment relationship
    /// from an object that overrides name as their context instance (a group) changes which monitors are enabled for
    /// its target: those are bound again, as the workflow host does.
    /// </summary>
    public void ApplyInstanceSpaceChange(InstanceSpaceChange change, DateTimeOffset time, OperationsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(change);
        Run(time, batch, () =>
        {
            foreach (var relationship in change.RemovedRelationships)
            {
                if (_links.Remove(relationship.Id, out var link))
                {
                    Unlink(link);
                }
            }

            foreach (var removed in change.RemovedObjects)
            {
                if (_entities.Remove(removed.Id, out var entity))
                {
                    Remove(entity);
                }
            }

            foreach (var changed in change.ChangedObjects)
            {
                if (_entities.TryGetValue(changed.Id, out var entity))
                {
                    entity.Object = changed;
                }
            }

            Add(change.AddedObjects);
            foreach (var relationship in change.AddedRelationships)
            {
                Link(relationship);
            }

            var rebound = new HashSet<Guid>();
            foreach (var relationship in change.AddedRelationships.Concat(change.RemovedRelationships))
            {
                if (_overrides.IsContextInstance(relationship.SourceId)
                    && Definition.Classes.Relationship(relationship.TypeName) is { IsContainment: true }
                    && rebound.Add(relationship.TargetId)
                    && _entities.TryGetValue(relationship.TargetId, out var member))
                {
                    Rebind(member);
                }
            }

            return true;
        });
    }

    private void Add(IReadOnlyList<MonitoringObject> objects)
    {
        var added = new List<EntityHealth>(objects.Count);
        foreach (var item in objects)
        {
            if (_entities.ContainsKey(item.Id))
            {
                continue;
            }

            var type = Definition.Classes.Class(item.ClassName) ?? throw new InvalidOperationException($"{item.Path} is of class {item.ClassName}, which the pack set does not have");
            var template = Definition.Template(type);
            var entity = new EntityHealth(item, template, DisabledFor(item, template));
            _entities.Add(item.Id, entity);
            added.Add(entity);
        }

        // Hosts first, whichever order the change lists them in; then availability from the whole host chain.
        foreach (var entity in added)
        {
            if (entity.Object.HostId is { } hostId && _entities.TryGetValue(hostId, out var host))
            {
                entity.Host = host;
                (host.Hosted ??= []).Add(entity);
            }
        }

        foreach (var entity in added)
        {
            for (var current = entity; current is not null && !entity.Unavailable; current = current.Host)
            {
                entity.Unavailable = current.MarkedUnavailable;
            }

            if (entity.Host is { } host)
            {
                Count(host, host.Template.DependenciesOverHosting(entity.Template.Class, Definition.Classes), entity, add: true);
            }
        }
    }

    private void Remove(EntityHealth entity)
    {
        entity.Removed = true;
        Batch.RemovedObjects.Add(entity.Id);
        if (entity.Host is { } host)
        {
            host.Hosted?.Remove(entity);
            if (!host.Removed)
            {
                Count(host, host.Template.DependenciesOverHosting(entity.Template.Class, Definition.Classes), entity, add: false);
            }
        }

        foreach (var link in (entity.Incoming ?? []).Concat(entity.Outgoing ?? []).ToList())
        {
            _links.Remove(link.Id);
            Unlink(link);
        }

        // The instance space removes what an object hosts with it; anything left has no host any more.
        foreach (var hosted in entity.Hosted ?? [])
        {
            hosted.Host = null;
        }
    }

    private void Link(RelationshipInstance relationship)
    {
        if (_links.ContainsKey(relationship.Id))
        {
            return;
        }

        var type = Definition.Classes.Relationship(relationship.TypeName)
            ?? throw new InvalidOperationException($"relationship {relationship.Id} is of type {relationship.TypeName}, which the pack set does not have");
        if (!_entities.TryGetValue(relationship.SourceId, out var source) || !_entities.TryGetValue(relationship.TargetId, out var target))
        {
            throw new InvalidOperationException($"relationship {relationship.Id} ({relationship.TypeName}) joins {relationship.SourceId} and {relationship.TargetId}, and the health model lacks one of them: add objects before their relationships");
        }

        var link = new RelationshipLink(relationship.Id, type, source, target);
        _links.Add(link.Id, link);
        (source.Outgoing ??= []).Add(link);
        (target.Incoming ??= []).Add(link);
        Count(source, source.Template.DependenciesOver(type), target, add: true);
    }

    private void Unlink(RelationshipLink link)
    {
        link.Source.Outgoing?.Remove(link);
        link.Target.Incoming?.Remove(link);
        if (!link.Source.Removed)
        {
            Count(link.Source, link.Source.Template.DependenciesOver(link.Type), link.Target, add: false);
        }
    }

    /// <summary>
    /// Which monitors take no part for <paramref name="item"/>: disabled in the pack or by the winning Enabled override
    /// (<see cref="OverrideResolver"/>, <see cref="EffectiveWorkflow"/>), and everything beneath a disabled aggregate.
    /// </summary>
    private bool[] DisabledFor(MonitoringObject item, ClassHealthTemplate template)
    {
        bool[]? own = null;
        for (var node = 0; node < template.Nodes.Length; node++)
        {
            var monitor = template.Nodes[node];
            var applicable = _overrides.Applicable(monitor.Key, item);
            if (applicable.Count == 0)
            {
                continue;
            }

            var enabled = EffectiveWorkflow.Resolve(Definition.Classes.Packs, monitor.Pack, monitor.Element, applicable).Enabled;
            if (enabled != monitor.EnabledInPack)
            {
                own ??= [.. template.Nodes.Select(m => !m.EnabledInPack)];
                own[node] = !enabled;
            }
        }

        return own is null ? template.DefaultDisabled : template.WithDisabledSubtrees(own);
    }

    /// <summary>
    /// Applies a changed Enabled set: a monitor disabled now goes Uninitialized and forgets its monitor type state (a
    /// monitor enabled again starts afresh, as its new workflow instance does); then the tree is rolled up. In
    /// maintenance only the set changes; the end of maintenance brings the states in line.
    /// </summary>
    private void Rebind(EntityHealth entity)
    {
        var disabled = DisabledFor(entity.Object, entity.Template);
        if (disabled.AsSpan().SequenceEqual(entity.Disabled))
        {
            return;
        }

        entity.Disabled = disabled;
        for (var node = 0; node < disabled.Length; node++)
        {
            if (disabled[node] && entity.MonitorTypeStates is { } typeStates)
            {
                typeStates[node] = null;
            }
        }

        if (!entity.InMaintenance)
        {
            RecomputeAll(entity);
        }
    }
}
