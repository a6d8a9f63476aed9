using System.Globalization;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Identity;
using MonitoringHost.Discovery.Instances;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.Discovery.Data;

/// <summary>
/// Checks discovery data before anything is applied, and works out every id: classes exist and are discoverable
/// (declared by the discovery for a workflow source; not abstract; not singletons), key properties present, values
/// typed right, hosts exist (in the instance space or in the same data) and may host the class, relationship ends
/// exist and fit the relationship type. Every problem is collected.
/// </summary>
internal sealed class DiscoveryDataResolver(ClassCatalog classes, Func<Guid, bool> exists)
{
    private readonly List<DiscoveryDataProblem> _problems = [];

    /// <summary>Objects the data names (hosts, relationship ends) that must exist once all of the data is known.</summary>
    private readonly List<(Guid Id, string Path, ClassInfo Type, ObjectData Reference)> _mustExist = [];

    /// <summary>Ids already worked out: data names the same host many times, often as the very same instance.</summary>
    private readonly Dictionary<ObjectData, Guid> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Guid> _byIdentity = new(StringComparer.Ordinal);

    public IReadOnlyList<DiscoveryDataProblem> Problems => _problems;

    /// <summary>The id each object of the data resolved to.</summary>
    public Dictionary<ObjectData, Guid> ObjectIds { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The id of every object the data named, as an object or as a host or relationship end.</summary>
    public IEnumerable<KeyValuePair<ObjectData, Guid>> References => _byReference;

    private bool _fromPack;

    /// <summary>When set, whether the submitting source claims an item: removals must name something it claims.</summary>
    public Func<Guid, bool>? Claimed { get; init; }

    public ResolvedDiscoveryData? Resolve(DiscoveryData data)
    {
        _fromPack = data.Source.Value.StartsWith("pack:", StringComparison.Ordinal);
        var declared = DeclaredTypes(data.Source);
        var planned = new Dictionary<Guid, PlannedObject>();
        foreach (var (objectData, item) in PlanObjects(data.Objects, declared))
        {
            ObjectIds[objectData] = item.Id;
            _byReference.TryAdd(objectData, item.Id); // hosts of later objects are often these very instances
            planned[item.Id] = planned.TryGetValue(item.Id, out var earlier) ? Merge(earlier, item) : item;
        }

        var relationships = new Dictionary<Guid, PlannedRelationship>();
        for (var i = 0; i < data.Relationships.Count; i++)
        {
            if (PlanRelationship(data.Relationships[i], $"relationships[{i}]", declared) is { } relationship)
            {
                relationships[relationship.Id] = relationship;
            }
        }

        foreach (var (id, path, type, reference) in _mustExist.Where(m => !exists(m.Id) && !planned.ContainsKey(m.Id)).DistinctBy(m => m.Path))
        {
            var keys = string.Join(", ", type.KeyProperties.Select(k => $"{k.Id}={reference.Properties.GetValueOrDefault(k.Id)}"));
            _problems.Add(new(path, $"no {(keys.Length > 0 ? $"{type.Name} with {keys}" : type.Name)} exists or is in the same data"));
        }

        var removedObjects = new List<Guid>();
        var removedRelationships = new List<Guid>();
        if (data.Mode == DiscoveryMode.Snapshot && (data.RemovedObjects.Count > 0 || data.RemovedRelationships.Count > 0))
        {
            _problems.Add(new("removals", "a snapshot replaces everything its source claimed; removals are for incremental data"));
        }

        for (var i = 0; i < data.RemovedObjects.Count; i++)
        {
            if (Identify(data.RemovedObjects[i], $"removals[{i}]", mustExist: false) is { } id)
            {
                removedObjects.Add(id);
                CheckClaimed(id, $"removals[{i}]", data, data.RemovedObjects[i].ClassName);
            }
        }

        for (var i = 0; i < data.RemovedRelationships.Count; i++)
        {
            var removal = data.RemovedRelationships[i];
            var path = $"relationshipRemovals[{i}]";
            var type = RelationshipType(removal.TypeName, path);
            var source = Identify(removal.Source, path + ".source", mustExist: false);
            var target = Identify(removal.Target, path + ".target", mustExist: false);
            if (type is not null && source is { } s && target is { } t)
            {
                var id = ObjectIdentity.ForRelationship(type, s, t);
                removedRelationships.Add(id);
                CheckClaimed(id, path, data, type.Name);
            }
        }

        return _problems.Count > 0
            ? null
            : new ResolvedDiscoveryData(data.Mode, data.Source, [.. planned.Values], [.. relationships.Values], removedObjects, removedRelationships);
    }

    private void CheckClaimed(Guid id, string path, DiscoveryData data, string typeName)
    {
        if (data.RemovalsMustBeClaimed && Claimed is { } claimed && !claimed(id))
        {
            _problems.Add(new(path, $"{data.Source} does not claim this {typeName} ({id:D}), so it cannot remove it"));
        }
    }

    /// <summary>Below this many objects, checking them on one thread is quicker than sharing the work.</summary>
    private const int ParallelThreshold = 10_000;

    /// <summary>
    /// Checks every object and works out its id, in order. Objects are independent of each other here (hosts named
    /// by the data are only checked for existence once all of it is planned), so large submissions are split into
    /// one slice per core, each checked by a resolver of its own; the slices' results are joined in order, so the
    /// outcome and the order of problems are the same as on one thread.
    /// </summary>
    private List<(ObjectData Data, PlannedObject Item)> PlanObjects(IReadOnlyList<ObjectData> objects, HashSet<string>? declared)
    {
        var results = new PlannedObject?[objects.Count];
        var slices = objects.Count >= ParallelThreshold ? Math.Min(Environment.ProcessorCount, 8) : 1;
        if (slices <= 1)
        {
            for (var i = 0; i < objects.Count; i++)
            {
                results[i] = Plan(objects[i], $"objects[{i}]", declared);
            }
        }
        else
        {
            var size = (objects.Count + slices - 1) / slices;
            var resolvers = Enumerable.Range(0, slices).Select(_ => new DiscoveryDataResolver(classes, exists) { _fromPack = _fromPack }).ToArray();
            Parallel.For(0, slices, slice =>
            {
                for (var i = slice * size; i < Math.Min(objects.Count, (slice + 1) * size); i++)
                {
                    results[i] = resolvers[slice].Plan(objects[i], $"objects[{i}]", declared);
                }
            });
            foreach (var resolver in resolvers)
            {
                _problems.AddRange(resolver._problems);
                _mustExist.AddRange(resolver._mustExist);
                foreach (var (reference, id) in resolver._byReference)
                {
                    _byReference.TryAdd(reference, id);
                }
            }
        }

        var planned = new List<(ObjectData, PlannedObject)>(objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            if (results[i] is { } item)
            {
                planned.Add((objects[i], item));
            }
        }

        return planned;
    }

    /// <summary>For a discovery workflow source: the classes and relationship types its DiscoveryTypes declare.</summary>
    private HashSet<string>? DeclaredTypes(DiscoverySource source)
    {
        if (source.DiscoveryId is not { } discoveryId)
        {
            return null;
        }

        var discovery = classes.Packs.All<ManagementPacks.Model.Discovery>().FirstOrDefault(d => d.Element.Id == discoveryId);
        if (discovery.Element is null)
        {
            _problems.Add(new("source", $"the discovery '{discoveryId}' is not in any imported pack"));
            return [];
        }

        return discovery.Element.DiscoveryTypes
            .Select(t => classes.Packs.Find(discovery.Pack, t.TypeId)?.Element.Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    private static PlannedObject Merge(PlannedObject earlier, PlannedObject later)
    {
        var properties = new Dictionary<string, string?>(earlier.Properties, StringComparer.Ordinal);
        foreach (var (name, value) in later.Properties)
        {
            properties[name] = value;
        }

        return later with { Properties = properties, DisplayName = later.DisplayName ?? earlier.DisplayName };
    }

    private PlannedObject? Plan(ObjectData data, string path, HashSet<string>? declared)
    {
        var type = classes.Class(data.ClassName);
        if (type is null)
        {
            _problems.Add(new(path + ".class", $"'{data.ClassName}' is not a class of any imported pack"));
            return null;
        }

        if (type.Abstract)
        {
            _problems.Add(new(path + ".class", $"{type.Name} is abstract; discover one of its concrete classes"));
            return null;
        }

        if (declared is not null && !type.SelfAndBases().Any(c => declared.Contains(c.Name)))
        {
            _problems.Add(new(path + ".class", $"{type.Name} is not among the types the discovery declares ({string.Join(", ", declared.Order(StringComparer.Ordinal))})"));
            return null;
        }

        if (type.Singleton && !_fromPack)
        {
            _problems.Add(new(path + ".class", $"{type.Name} is a singleton: its one object exists as soon as its pack is imported and is never discovered"));
            return null;
        }

        var properties = CheckProperties(type, data.Properties, path, requireAllKeys: true);
        var hostId = ResolveHost(type, data.Host, path);
        if (properties is null || (type.Hosted && hostId is null))
        {
            return null;
        }

        // Objects of the data are nearly always distinct: hash their identity directly (see IdOf for references).
        var id = ManagementPacks.Identity.DeterministicGuid.FromString(ObjectIdentity.IdentityText(type, key => properties.GetValueOrDefault(key), hostId));
        properties.Remove("DisplayName", out var displayName);
        return new PlannedObject(id, type, properties, hostId, displayName);
    }

    private Dictionary<string, string?>? CheckProperties(ClassInfo type, IReadOnlyDictionary<string, string?> values, string path, bool requireAllKeys)
    {
        var ok = true;
        var result = new Dictionary<string, string?>(values.Count, StringComparer.Ordinal);
        foreach (var key in type.KeyProperties)
        {
            if (requireAllKeys && (!values.TryGetValue(key.Id, out var keyValue) || string.IsNullOrEmpty(keyValue)))
            {
                _problems.Add(new($"{path}.properties.{key.Id}", $"the key property {key.Id} of {type.Name} is missing"));
                ok = false;
            }
        }

        foreach (var (name, value) in values)
        {
            if (!type.Properties.TryGetValue(name, out var definition))
            {
                _problems.Add(new($"{path}.properties.{name}", $"{type.Name} has no property '{name}'"));
                ok = false;
                continue;
            }

            if (value is null)
            {
                result[definition.Id] = null;
                continue;
            }

            if (!PropertyValues.TryNormalize(definition, value, out var normalized, out var problem))
            {
                _problems.Add(new($"{path}.properties.{name}", problem!));
                ok = false;
                continue;
            }

            result[definition.Id] = normalized;
        }

        return ok ? result : null;
    }

    private Guid? ResolveHost(ClassInfo type, ObjectData? host, string path)
    {
        if (!type.Hosted)
        {
            if (host is not null)
            {
                _problems.Add(new(path + ".host", $"{type.Name} is not a hosted class, so it has no host"));
            }

            return null;
        }

        if (host is null)
        {
            _problems.Add(new(path + ".host", $"{type.Name} is hosted: its host ({string.Join(" or ", type.HostClasses.Select(c => c.Name))}) must be given"));
            return null;
        }

        var hostType = classes.Class(host.ClassName);
        if (hostType is not null && !type.HostClasses.Any(hostType.IsA))
        {
            _problems.Add(new(path + ".host.class", $"{hostType.Name} cannot host {type.Name}; its host is a {string.Join(" or ", type.HostClasses.Select(c => c.Name))}"));
            return null;
        }

        return Identify(host, path + ".host", mustExist: true);
    }

    /// <summary>
    /// The id of an object named by class and keys (and host). With <paramref name="mustExist"/>, it must exist or be
    /// in the same data (checked once all of the data is planned, so order within the data does not matter).
    /// </summary>
    private Guid? Identify(ObjectData reference, string path, bool mustExist)
    {
        if (_byReference.TryGetValue(reference, out var known))
        {
            return known;
        }

        var type = classes.Class(reference.ClassName);
        if (type is null)
        {
            _problems.Add(new(path + ".class", $"'{reference.ClassName}' is not a class of any imported pack"));
            return null;
        }

        var properties = CheckProperties(type, reference.Properties.Where(p => type.Properties.ContainsKey(p.Key) && type.Properties[p.Key].Key).ToDictionary(), path, requireAllKeys: true);
        Guid? hostId = null;
        if (type.Hosted)
        {
            if (reference.Host is null)
            {
                _problems.Add(new(path + ".host", $"{type.Name} is hosted: name its host to identify it"));
                return null;
            }

            hostId = Identify(reference.Host, path + ".host", mustExist);
            if (hostId is null)
            {
                return null;
            }
        }

        if (properties is null)
        {
            return null;
        }

        var id = IdOf(type, properties, hostId);
        if (mustExist)
        {
            _mustExist.Add((id, path, type, reference));
            _byReference[reference] = id;
        }

        return id;
    }

    /// <summary>The id of a host or relationship end: data names the same one many times, so ids are kept by identity text.</summary>
    private Guid IdOf(ClassInfo type, Dictionary<string, string?> properties, Guid? hostId)
    {
        var text = ObjectIdentity.IdentityText(type, key => properties.GetValueOrDefault(key), hostId);
        if (!_byIdentity.TryGetValue(text, out var id))
        {
            _byIdentity[text] = id = ManagementPacks.Identity.DeterministicGuid.FromString(text);
        }

        return id;
    }

    private RelationshipInfo? RelationshipType(string name, string path)
    {
        var type = classes.Relationship(name);
        if (type is null)
        {
            _problems.Add(new(path + ".type", $"'{name}' is not a relationship type of any imported pack"));
        }

        return type;
    }

    private PlannedRelationship? PlanRelationship(RelationshipData data, string path, HashSet<string>? declared)
    {
        var type = RelationshipType(data.TypeName, path);
        if (type is null)
        {
            return null;
        }

        if (type.IsHosting)
        {
            _problems.Add(new(path + ".type", $"{type.Name} is a hosting relationship; hosting comes from each object's host, never as a relationship"));
            return null;
        }

        if (type.Abstract)
        {
            _problems.Add(new(path + ".type", $"{type.Name} is abstract"));
            return null;
        }

        if (declared is not null && !type.SelfAndBases().Any(r => declared.Contains(r.Name)))
        {
            _problems.Add(new(path + ".type", $"{type.Name} is not among the types the discovery declares"));
            return null;
        }

        var source = Identify(data.Source, path + ".source", mustExist: true);
        var target = Identify(data.Target, path + ".target", mustExist: true);
        if (source is not { } s || target is not { } t)
        {
            return null;
        }

        CheckEnd(data.Source.ClassName, type.Source, path + ".source", type);
        CheckEnd(data.Target.ClassName, type.Target, path + ".target", type);
        return new PlannedRelationship(ObjectIdentity.ForRelationship(type, s, t), type, s, t);
    }

    private void CheckEnd(string className, ClassInfo required, string path, RelationshipInfo type)
    {
        if (classes.Class(className) is { } actual && !actual.IsA(required))
        {
            _problems.Add(new(path + ".class", string.Create(CultureInfo.InvariantCulture, $"{type.Name} needs a {required.Name} here, not a {actual.Name}")));
        }
    }
}
