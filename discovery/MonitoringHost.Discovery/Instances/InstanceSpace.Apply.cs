using System.Text.Json;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Identity;
using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Discovery.Instances;

public sealed partial class InstanceSpace
{
    /// <summary>
    /// Checks discovery data, works out what it changes (adds, updates, claims, releases and the removals they
    /// cause, cascading through hosting and relationships), commits that in one transaction with its feed events,
    /// then applies it in memory. Invalid data throws <see cref="DiscoveryDataRejectedException"/> and changes nothing.
    /// </summary>
    public async Task<DiscoveryResult> ApplyAsync(DiscoveryData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ChangePlan plan;
            DiscoveryDataResolver resolver;
            RepeatedDataSplit split;
            lock (_state)
            {
                // Only what the source did not send before, unchanged, needs checking and resolving again.
                split = _repeated.Split(data, _objects);
                var claimed = _claims.ItemsOf(data.Source.Value);
                resolver = new DiscoveryDataResolver(Classes, _objects.ContainsKey) { Claimed = id => claimed.Contains(id) };
                var resolved = resolver.Resolve(data with { Objects = split.Others }) ?? throw new DiscoveryDataRejectedException(data.Source.Value, resolver.Problems);
                plan = Plan(resolved with { Unchanged = split.Unchanged });
            }

            if (plan.Changes.IsEmpty)
            {
                lock (_state)
                {
                    _repeated.Remember(data, split, resolver.References.Concat(resolver.ObjectIds));
                }

                return new DiscoveryResult([], [], [], [], [], LastSequence);
            }

            var sequence = await _store.CommitAsync(plan.Changes, cancellationToken).ConfigureAwait(false);
            lock (_state)
            {
                Apply(plan);
                LastSequence = sequence;
                _repeated.Remember(data, split, resolver.References.Concat(resolver.ObjectIds));
            }

            var change = new InstanceSpaceChange(plan.Added, plan.Updated, plan.RemovedObjects, plan.AddedRelationships, plan.RemovedRelationships, sequence);
            if (change.AddedObjects.Count + change.ChangedObjects.Count + change.RemovedObjects.Count + change.AddedRelationships.Count + change.RemovedRelationships.Count > 0)
            {
                Changed?.Invoke(this, change);
            }

            return new DiscoveryResult(
                [.. plan.Added.Select(o => o.Id)],
                [.. plan.Updated.Select(o => o.Id)],
                [.. plan.RemovedObjects.Select(o => o.Id)],
                [.. plan.AddedRelationships.Select(r => r.Id)],
                [.. plan.RemovedRelationships.Select(r => r.Id)],
                sequence);
        }
        finally
        {
            _writer.Release();
        }
    }

    private sealed record ChangePlan(
        InstanceChangeSet Changes,
        List<MonitoringObject> Added,
        List<MonitoringObject> Updated,
        List<MonitoringObject> RemovedObjects,
        List<RelationshipInstance> AddedRelationships,
        List<RelationshipInstance> RemovedRelationships);

    private ChangePlan Plan(ResolvedDiscoveryData data)
    {
        var now = _time.GetUtcNow();
        var source = data.Source.Value;
        var previous = _claims.ItemsOf(source);

        // What the source claims after this data, and what it releases.
        var claimed = new HashSet<Guid>(data.Objects.Count + data.Unchanged.Count + data.Relationships.Count);
        claimed.UnionWith(data.Objects.Select(o => o.Id));
        claimed.UnionWith(data.Unchanged);
        claimed.UnionWith(data.Relationships.Select(r => r.Id));
        var addedClaims = claimed.Where(id => !previous.Contains(id)).ToList();

        // A snapshot releases what the source claimed before and omits now; when it still claims all of that (the
        // usual re-sent snapshot), there is nothing to look for.
        var released = data.Mode == DiscoveryMode.Snapshot
            ? (claimed.Count - addedClaims.Count == previous.Count ? [] : previous.Where(id => !claimed.Contains(id)).ToHashSet())
            : data.RemovedObjects.Concat(data.RemovedRelationships).Where(id => previous.Contains(id) && !claimed.Contains(id)).ToHashSet();

        // Objects whose last claim goes, then everything they host and every relationship touching them.
        var removedObjects = new HashSet<Guid>();
        foreach (var id in released.Where(id => _objects.ContainsKey(id) && _claims.SourcesOf(id).All(s => s == source)))
        {
            CollectHosted(id, removedObjects);
        }

        var removedRelationships = released
            .Where(id => _relationships.ContainsKey(id) && _claims.SourcesOf(id).All(s => s == source))
            .Concat(removedObjects.SelectMany(id => _relationshipsByObject.GetValueOrDefault(id) ?? []))
            .ToHashSet();

        // Objects of the data whose host goes away with this change go too (they are not created at all).
        var gone = new HashSet<Guid>(removedObjects);
        var planned = data.Objects.ToDictionary(o => o.Id);
        for (var changed = gone.Count > 0; changed;)
        {
            var orphans = planned.Values.Where(o => gone.Contains(o.Id) || (o.HostId is { } h && gone.Contains(h))).ToList();
            foreach (var orphan in orphans)
            {
                gone.Add(orphan.Id);
                planned.Remove(orphan.Id);
            }

            changed = orphans.Count > 0;
        }

        // Objects written: new ones, and claimed ones whose values change.
        var built = new Dictionary<Guid, MonitoringObject>();
        var added = new List<MonitoringObject>();
        var updated = new List<MonitoringObject>();
        BuildAll();
        foreach (var item in planned.Values)
        {
            var candidate = built[item.Id];
            if (!_objects.TryGetValue(item.Id, out var existing))
            {
                added.Add(candidate);
            }
            else if (!ReferenceEquals(existing, candidate) && !existing.SameContentAs(candidate))
            {
                updated.Add(candidate);
            }
        }

        var addedRelationships = data.Relationships
            .Where(r => !_relationships.ContainsKey(r.Id) && !gone.Contains(r.SourceId) && !gone.Contains(r.TargetId))
            .Select(r => new RelationshipInstance(r.Id, r.Type.Name, r.SourceId, r.TargetId, now))
            .ToList();

        var keptRelationships = data.Relationships.Where(r => !gone.Contains(r.SourceId) && !gone.Contains(r.TargetId)).Select(r => r.Id).ToHashSet();
        var claimsAdded = addedClaims
            .Where(id => !gone.Contains(id) && !removedRelationships.Contains(id) && (planned.ContainsKey(id) || keptRelationships.Contains(id) || _objects.ContainsKey(id)))
            .Select(id => new Claim(source, keptRelationships.Contains(id) ? ClaimKind.Relationship : ClaimKind.Object, id))
            .ToList();
        var claimsRemoved = released.Select(id => new Claim(source, _relationships.ContainsKey(id) || data.RemovedRelationships.Contains(id) ? ClaimKind.Relationship : ClaimKind.Object, id))
            .Concat(removedObjects.SelectMany(id => _claims.SourcesOf(id).Where(s => s != source || !released.Contains(id)).Select(s => new Claim(s, ClaimKind.Object, id))))
            .Concat(removedRelationships.SelectMany(id => _claims.SourcesOf(id).Where(s => s != source || !released.Contains(id)).Select(s => new Claim(s, ClaimKind.Relationship, id))))
            .Where(c => _claims.SourcesOf(c.ItemId).Contains(c.Source))
            .Distinct()
            .ToList();

        var removedObjectList = removedObjects.Select(id => _objects[id]).ToList();
        var removedRelationshipList = removedRelationships.Select(id => _relationships[id]).ToList();
        var feed = new List<ChangeFeedEvent>(added.Count + updated.Count + removedObjectList.Count + addedRelationships.Count + removedRelationshipList.Count);
        feed.AddRange(removedRelationshipList.Select(r => Event("relationship.removed", r.Id, now, RelationshipPayload(r))));
        feed.AddRange(removedObjectList.Select(o => Event("object.removed", o.Id, now, ObjectPayload(o, removed: true))));
        feed.AddRange(added.Select(o => Event("object.added", o.Id, now, ObjectPayload(o))));
        feed.AddRange(updated.Select(o => Event("object.changed", o.Id, now, ObjectPayload(o))));
        feed.AddRange(addedRelationships.Select(r => Event("relationship.added", r.Id, now, RelationshipPayload(r))));

        var changes = new InstanceChangeSet([.. added, .. updated], [.. removedObjects], addedRelationships, [.. removedRelationships], claimsAdded, claimsRemoved, feed);
        return new ChangePlan(changes, added, updated, removedObjectList, addedRelationships, removedRelationshipList);

        // Objects are built host first, one hosting level at a time; a level's objects only read the levels
        // before it, so a large level is built in parallel slices.
        void BuildAll()
        {
            var levels = new List<List<Data.PlannedObject>>();
            var depth = new Dictionary<Guid, int>(planned.Count);
            foreach (var item in planned.Values)
            {
                var level = Depth(item);
                while (levels.Count <= level)
                {
                    levels.Add([]);
                }

                levels[level].Add(item);
            }

            foreach (var level in levels)
            {
                var results = new MonitoringObject[level.Count];
                if (level.Count >= ParallelThreshold)
                {
                    Parallel.For(0, level.Count, i => results[i] = Build(level[i]));
                }
                else
                {
                    for (var i = 0; i < level.Count; i++)
                    {
                        results[i] = Build(level[i]);
                    }
                }

                for (var i = 0; i < level.Count; i++)
                {
                    built[level[i].Id] = results[i];
                }
            }

            int Depth(Data.PlannedObject item)
            {
                if (depth.TryGetValue(item.Id, out var known))
                {
                    return known;
                }

                var value = item.HostId is { } hostId && planned.TryGetValue(hostId, out var host) ? Depth(host) + 1 : 0;
                depth[item.Id] = value;
                return value;
            }
        }

        MonitoringObject Build(Data.PlannedObject item)
        {
            var id = item.Id;
            _objects.TryGetValue(id, out var existing);
            if (existing is not null && Unchanged(existing, item))
            {
                return existing;
            }

            var host = item.HostId is { } hostId ? (built.TryGetValue(hostId, out var plannedHost) ? plannedHost : _objects[hostId]) : null;
            ObjectProperties properties;
            if (existing is null)
            {
                properties = ObjectProperties.FromValues(item.Properties);
            }
            else
            {
                var values = existing.Properties.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
                foreach (var (name, value) in item.Properties)
                {
                    values[name] = value;
                }

                properties = ObjectProperties.FromValues(values);
            }

            var path = ObjectIdentity.PathFor(item.Class, properties, host);
            var displayName = item.DisplayName ?? existing?.DisplayName ?? DefaultDisplayName(item.Class, properties);
            return existing is not null && existing.Path == path && existing.DisplayName == displayName && existing.HostId == item.HostId && existing.Properties.SameAs(properties)
                ? existing
                : new MonitoringObject(id, item.Class.Name, displayName, path, item.HostId, properties, existing?.Created ?? now, now);
        }
    }

    /// <summary>Whether the data only repeats what the object already has (the usual case for a re-sent snapshot).</summary>
    private static bool Unchanged(MonitoringObject existing, Data.PlannedObject item)
    {
        if (item.DisplayName is not null && item.DisplayName != existing.DisplayName)
        {
            return false;
        }

        foreach (var (name, value) in item.Properties)
        {
            var has = existing.Properties.TryGetValue(name, out var current);
            if (value is null ? has : !has || current != value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Below this many objects, one thread is quicker than sharing the work.</summary>
    private const int ParallelThreshold = 10_000;

    private static string DefaultDisplayName(Classes.ClassInfo type, ObjectProperties properties) =>
        type.KeyProperties.Length == 0
            ? type.Name
            : string.Join(";", type.KeyProperties.Select(k => properties.TryGetValue(k.Id, out var v) ? v : ""));

    private void CollectHosted(Guid id, HashSet<Guid> into)
    {
        if (!into.Add(id))
        {
            return;
        }

        foreach (var child in _hosted.GetValueOrDefault(id) ?? [])
        {
            CollectHosted(child, into);
        }
    }

    private void Apply(ChangePlan plan)
    {
        foreach (var relationship in plan.RemovedRelationships)
        {
            RemoveRelationship(relationship);
        }

        foreach (var item in plan.RemovedObjects)
        {
            RemoveObject(item);
        }

        foreach (var item in plan.Changes.UpsertedObjects)
        {
            if (_objects.TryGetValue(item.Id, out var existing))
            {
                RemoveObject(existing);
            }

            AddObject(item);
        }

        foreach (var relationship in plan.AddedRelationships)
        {
            AddRelationship(relationship);
        }

        foreach (var claim in plan.Changes.RemovedClaims)
        {
            _claims.Remove(claim.Source, claim.ItemId);
        }

        foreach (var claim in plan.Changes.AddedClaims)
        {
            _claims.Add(claim.Source, claim.ItemId);
        }
    }

    private void AddObject(MonitoringObject item)
    {
        _objects[item.Id] = item;
        Index(_byClass, item.ClassName, item.Id);
        if (item.HostId is { } host)
        {
            Index(_hosted, host, item.Id);
        }
    }

    private void RemoveObject(MonitoringObject item)
    {
        _objects.Remove(item.Id);
        Unindex(_byClass, item.ClassName, item.Id);
        if (item.HostId is { } host)
        {
            Unindex(_hosted, host, item.Id);
        }
    }

    private void AddRelationship(RelationshipInstance relationship)
    {
        _relationships[relationship.Id] = relationship;
        Index(_relationshipsByObject, relationship.SourceId, relationship.Id);
        Index(_relationshipsByObject, relationship.TargetId, relationship.Id);
    }

    private void RemoveRelationship(RelationshipInstance relationship)
    {
        _relationships.Remove(relationship.Id);
        Unindex(_relationshipsByObject, relationship.SourceId, relationship.Id);
        Unindex(_relationshipsByObject, relationship.TargetId, relationship.Id);
    }

    private static void Index<TKey>(Dictionary<TKey, HashSet<Guid>> index, TKey key, Guid id) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = [];
        }

        set.Add(id);
    }

    private static void Unindex<TKey>(Dictionary<TKey, HashSet<Guid>> index, TKey key, Guid id) where TKey : notnull
    {
        if (index.TryGetValue(key, out var set) && set.Remove(id) && set.Count == 0)
        {
            index.Remove(key);
        }
    }

    private static ChangeFeedEvent Event(string kind, Guid subject, DateTimeOffset time, Action<Utf8JsonWriter> payload) => new(kind, subject, time, payload);

    /// <summary>Feed payloads are written by the store as it writes each row: a 100,000-object snapshot writes 100,000 of them.</summary>
    private static Action<Utf8JsonWriter> ObjectPayload(MonitoringObject o, bool removed = false) => writer =>
    {
        writer.WriteString("id", o.Id);
        writer.WriteString("className", o.ClassName);
        writer.WriteString("displayName", o.DisplayName);
        writer.WriteString("path", o.Path);
        if (removed)
        {
            return;
        }

        if (o.HostId is { } host)
        {
            writer.WriteString("hostId", host);
        }
        else
        {
            writer.WriteNull("hostId");
        }

        writer.WriteStartObject("properties");
        foreach (var (name, value) in o.Properties)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    };

    private static Action<Utf8JsonWriter> RelationshipPayload(RelationshipInstance r) => writer =>
    {
        writer.WriteString("id", r.Id);
        writer.WriteString("type", r.TypeName);
        writer.WriteString("sourceId", r.SourceId);
        writer.WriteString("targetId", r.TargetId);
    };
}
