using MonitoringHost.Discovery.Classes;
using MonitoringHost.Discovery.Data;
using MonitoringHost.Discovery.Storage;

namespace MonitoringHost.Discovery.Instances;

/// <summary>
/// The monitoring objects and relationships that exist, and who claims them. Held in memory for queries, kept in
/// the store for restarts: every change is validated and diffed here, committed to the store in one transaction
/// with its change-feed events, and only then applied in memory. One writer at a time; readers see committed state.
/// </summary>
public sealed partial class InstanceSpace : IDisposable
{
    private readonly IInstanceStore _store;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _state = new();

    private readonly Dictionary<Guid, MonitoringObject> _objects = [];
    private readonly Dictionary<string, HashSet<Guid>> _byClass = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, HashSet<Guid>> _hosted = [];
    private readonly Dictionary<Guid, RelationshipInstance> _relationships = [];
    private readonly Dictionary<Guid, HashSet<Guid>> _relationshipsByObject = [];
    private readonly ClaimIndex _claims = new();
    private readonly RepeatedDataCache _repeated = new();

    private InstanceSpace(ClassCatalog classes, IInstanceStore store, TimeProvider time)
    {
        Classes = classes;
        _store = store;
        _time = time;
    }

    public ClassCatalog Classes { get; }

    /// <summary>The sequence number of the last change-feed event committed by this instance space or found at start.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Raised after a change has been committed and applied in memory (never for a change that changed nothing).</summary>
    public event EventHandler<InstanceSpaceChange>? Changed;

    /// <summary>
    /// Loads the stored instance space and creates the singleton objects of the pack set's classes (claimed by
    /// their pack; released when the pack no longer declares them).
    /// </summary>
    public static async Task<InstanceSpace> OpenAsync(ClassCatalog classes, IInstanceStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(store);
        var space = new InstanceSpace(classes, store, time ?? TimeProvider.System);
        var stored = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
        space.Load(stored);
        await space.EnsureSingletonsAsync(cancellationToken).ConfigureAwait(false);
        return space;
    }

    private void Load(StoredInstances stored)
    {
        foreach (var item in stored.Objects)
        {
            AddObject(item);
        }

        foreach (var relationship in stored.Relationships)
        {
            AddRelationship(relationship);
        }

        foreach (var claim in stored.Claims)
        {
            _claims.Add(claim.Source, claim.ItemId);
        }

        LastSequence = stored.LastSequence;
    }

    private async Task EnsureSingletonsAsync(CancellationToken cancellationToken)
    {
        var declared = Classes.Packs.Packs.ToDictionary(
            p => DiscoverySource.Pack(p.Id).Value,
            p => p.ElementsOf<ManagementPacks.Model.ClassType>().Where(c => c.Singleton && !c.Abstract).Select(c => c.Id).ToList(),
            StringComparer.Ordinal);
        var stale = _claims.Sources.Where(s => s.StartsWith("pack:", StringComparison.Ordinal) && !declared.ContainsKey(s)).ToList();
        foreach (var (source, singletons) in declared.Where(d => d.Value.Count > 0 || _claims.ItemsOf(d.Key).Count > 0).Concat(stale.Select(s => new KeyValuePair<string, List<string>>(s, []))))
        {
            var objects = singletons.Select(c => new ObjectData(c, new Dictionary<string, string?>())).ToList();
            await ApplyAsync(DiscoveryData.Snapshot(new DiscoverySource(source), objects), cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _writer.Dispose();

    // ---- queries ----

    public int Count
    {
        get
        {
            lock (_state)
            {
                return _objects.Count;
            }
        }
    }

    public MonitoringObject? Get(Guid id)
    {
        lock (_state)
        {
            return _objects.GetValueOrDefault(id);
        }
    }

    /// <summary>Objects of a class, and of every class derived from it unless <paramref name="includeDerived"/> is false.</summary>
    public IReadOnlyList<MonitoringObject> OfClass(string className, bool includeDerived = true)
    {
        var type = Classes.Class(className) ?? throw new ArgumentException($"no class '{className}' in the pack set", nameof(className));
        var classes = includeDerived ? Classes.SelfAndDerived(type) : [type];
        lock (_state)
        {
            var result = new List<MonitoringObject>();
            foreach (var c in classes)
            {
                if (_byClass.TryGetValue(c.Name, out var ids))
                {
                    result.AddRange(ids.Select(id => _objects[id]));
                }
            }

            return result;
        }
    }

    /// <summary>Objects of a class (derived included) whose property equals the value (case-insensitively where the property is).</summary>
    public IReadOnlyList<MonitoringObject> WithProperty(string className, string property, string value)
    {
        var type = Classes.Class(className) ?? throw new ArgumentException($"no class '{className}' in the pack set", nameof(className));
        var definition = type.Properties.GetValueOrDefault(property) ?? throw new ArgumentException($"{className} has no property '{property}'", nameof(property));
        var comparison = definition.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return [.. OfClass(className).Where(o => o.Properties.TryGetValue(property, out var v) && string.Equals(v, value, comparison))];
    }

    /// <summary>The objects an object hosts: directly, or all the way down.</summary>
    public IReadOnlyList<MonitoringObject> HostedBy(Guid hostId, bool recursive = false)
    {
        lock (_state)
        {
            var result = new List<MonitoringObject>();
            var pending = new Queue<Guid>([hostId]);
            while (pending.TryDequeue(out var current))
            {
                foreach (var child in _hosted.GetValueOrDefault(current) ?? [])
                {
                    result.Add(_objects[child]);
                    if (recursive)
                    {
                        pending.Enqueue(child);
                    }
                }
            }

            return result;
        }
    }

    /// <summary>Relationship instances touching an object, optionally of one type (and its derived types).</summary>
    public IReadOnlyList<RelationshipInstance> RelationshipsOf(Guid objectId, string? typeName = null)
    {
        var type = typeName is null ? null : Classes.Relationship(typeName) ?? throw new ArgumentException($"no relationship type '{typeName}'", nameof(typeName));
        lock (_state)
        {
            return [.. (_relationshipsByObject.GetValueOrDefault(objectId) ?? [])
                .Select(id => _relationships[id])
                .Where(r => type is null || Classes.Relationship(r.TypeName)?.IsA(type.Name) == true)];
        }
    }

    /// <summary>The targets of relationships of a type (derived types included) whose source is the object.</summary>
    public IReadOnlyList<MonitoringObject> Targets(Guid sourceId, string typeName)
    {
        var relationships = RelationshipsOf(sourceId, typeName).Where(r => r.SourceId == sourceId);
        lock (_state)
        {
            return [.. relationships.Select(r => _objects[r.TargetId])];
        }
    }

    /// <summary>
    /// Whether <paramref name="member"/> is contained by <paramref name="container"/> (a group's member, say), directly
    /// or through other containers, following relationships derived from <c>System.Containment</c>.
    /// </summary>
    public bool Contains(Guid container, Guid member)
    {
        lock (_state)
        {
            return Below(container, hosted: false).Contains(member);
        }
    }

    /// <summary>
    /// Everything below <paramref name="root"/>, all the way down: the objects it hosts and the objects it contains
    /// (relationships derived from <c>System.Containment</c>, a group's members among them), and theirs in turn.
    /// What recursive maintenance covers. The root itself is not in the list.
    /// </summary>
    public IReadOnlyList<MonitoringObject> HostedOrContainedBy(Guid root)
    {
        lock (_state)
        {
            return [.. Below(root, hosted: true).Select(id => _objects[id])];
        }
    }

    /// <summary>The walk down from <paramref name="root"/> through containment (and hosting); call it holding the state lock.</summary>
    private IEnumerable<Guid> Below(Guid root, bool hosted)
    {
        var seen = new HashSet<Guid> { root };
        var pending = new Stack<Guid>([root]);
        while (pending.TryPop(out var current))
        {
            var children = (_relationshipsByObject.GetValueOrDefault(current) ?? [])
                .Select(id => _relationships[id])
                .Where(r => r.SourceId == current && Classes.Relationship(r.TypeName) is { IsContainment: true })
                .Select(r => r.TargetId);
            if (hosted)
            {
                children = children.Concat(_hosted.GetValueOrDefault(current) ?? []);
            }

            foreach (var child in children)
            {
                if (seen.Add(child))
                {
                    yield return child;
                    pending.Push(child);
                }
            }
        }
    }

    /// <summary>Every relationship instance.</summary>
    public IReadOnlyList<RelationshipInstance> AllRelationships()
    {
        lock (_state)
        {
            return [.. _relationships.Values];
        }
    }

    /// <summary>The sources claiming an object or relationship.</summary>
    public IReadOnlyList<string> ClaimsOn(Guid itemId)
    {
        lock (_state)
        {
            return [.. _claims.SourcesOf(itemId).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Reads the change feed from the store.</summary>
    public Task<IReadOnlyList<ChangeFeedEntry>> ReadFeedAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        _store.ReadFeedAsync(afterSequence, limit, cancellationToken);
}
