using MonitoringHost.Discovery.Data;

namespace MonitoringHost.Discovery.Instances;

/// <summary>
/// Sources re-send the same snapshot again and again (a discovery every few hours, a connector on each sync), and
/// nearly all of it is what they sent last time. This remembers, per source, a fingerprint of each object it sent
/// and the id it resolved to, so that an object sent again unchanged skips the checks and id computation it passed
/// before. A fingerprint is only a hint: a hit is used only when the object still exists, has the same class and
/// host, and every value the data gives equals the object's current value; anything else goes the full way.
/// </summary>
internal sealed class RepeatedDataCache
{
    private readonly Dictionary<string, Dictionary<int, Guid>> _bySource = new(StringComparer.Ordinal);

    /// <summary>Splits the data's objects into ones sent before unchanged (with their ids) and the rest.</summary>
    public RepeatedDataSplit Split(DiscoveryData data, IReadOnlyDictionary<Guid, MonitoringObject> objects)
    {
        _bySource.TryGetValue(data.Source.Value, out var cache);
        return new RepeatedDataSplit(data.Objects, cache, objects);
    }

    /// <summary>
    /// Records what a source's data resolved to, once it is committed: the ids of objects that went the full way
    /// (<paramref name="resolved"/>); objects recognised from the cache are in it already.
    /// </summary>
    public void Remember(DiscoveryData data, RepeatedDataSplit split, IEnumerable<KeyValuePair<ObjectData, Guid>> resolved)
    {
        var source = data.Source.Value;
        if (!_bySource.TryGetValue(source, out var cache) || cache.Count > 2 * Math.Max(data.Objects.Count, 1000))
        {
            // Entries a source no longer sends fail verification and cost only memory; start afresh when they pile up.
            _bySource[source] = cache = new Dictionary<int, Guid>(data.Objects.Count);
            foreach (var (fingerprint, id) in split.Recognised)
            {
                cache[fingerprint] = id;
            }
        }

        foreach (var (item, id) in resolved)
        {
            cache[split.Fingerprint(item)] = id;
        }
    }
}

/// <summary>
/// One submission's objects split into those recognised as sent before unchanged and the rest. Fingerprints and
/// checks against the instance space run in parallel slices for large submissions; only the host chain, which
/// links objects to each other, is followed on one thread, over arrays.
/// </summary>
internal sealed class RepeatedDataSplit
{
    private const int ParallelThreshold = 10_000;
    private const int NoHost = -1;
    private const int HostNotListed = -2;

    private readonly IReadOnlyList<ObjectData> _items;
    private readonly Dictionary<ObjectData, int> _index;
    private readonly Dictionary<int, Guid>? _cache;
    private readonly IReadOnlyDictionary<Guid, MonitoringObject> _objects;

    /// <summary>Per object of the list: where its host is in the list, <see cref="NoHost"/> or <see cref="HostNotListed"/>.</summary>
    private readonly int[] _hostIndex;

    private readonly int[] _fingerprints;

    /// <summary>Per object of the list: the id of the existing object its fingerprint points at, if that object has its values.</summary>
    private readonly Guid?[] _candidates;

    /// <summary>Per object of the list: that existing object's host.</summary>
    private readonly Guid?[] _candidateHosts;

    /// <summary>Per object of the list: 0 not yet decided, 1 recognised, 2 not.</summary>
    private readonly byte[] _decided;

    /// <summary>For objects named only as hosts (not in the list): fingerprint and recognised id.</summary>
    private readonly Dictionary<ObjectData, int> _otherFingerprints = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ObjectData, Guid?> _otherKnown = new(ReferenceEqualityComparer.Instance);
    private ObjectData? _lastFingerprinted;
    private int _lastFingerprint;
    private ObjectData? _lastKnownHost;
    private Guid? _lastKnownHostId;

    internal RepeatedDataSplit(IReadOnlyList<ObjectData> items, Dictionary<int, Guid>? cache, IReadOnlyDictionary<Guid, MonitoringObject> objects)
    {
        _items = items;
        _cache = cache;
        _objects = objects;
        _index = new Dictionary<ObjectData, int>(items.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < items.Count; i++)
        {
            _index.TryAdd(items[i], i);
        }

        // Own content and where the host is in the list first (in parallel), then the host chain in list order.
        var own = new int[items.Count];
        _hostIndex = new int[items.Count];
        ForEach(i =>
        {
            own[i] = OwnHash(items[i]);
            _hostIndex[i] = items[i].Host is not { } host ? NoHost : _index.TryGetValue(host, out var h) ? h : HostNotListed;
        });
        _fingerprints = new int[items.Count];
        var done = new bool[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            ChainFingerprint(i);
        }

        _candidates = new Guid?[items.Count];
        _candidateHosts = new Guid?[items.Count];
        _decided = new byte[items.Count];
        if (cache is not null)
        {
            ForEach(i =>
            {
                if (Candidate(items[i], _fingerprints[i]) is { } existing)
                {
                    _candidates[i] = existing.Id;
                    _candidateHosts[i] = existing.HostId;
                }
            });
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (_candidates[i] is not null && Known(i) is { } id)
            {
                Unchanged.Add(id);
            }
            else
            {
                Others.Add(items[i]);
            }
        }

        // (A host chain cannot loop: data objects are immutable.)
        int ChainFingerprint(int i)
        {
            if (!done[i])
            {
                var host = _hostIndex[i];
                _fingerprints[i] = HashCode.Combine(own[i], host == NoHost ? 0 : host == HostNotListed ? OtherFingerprint(items[i].Host!) : ChainFingerprint(host));
                done[i] = true;
            }

            return _fingerprints[i];
        }
    }

    /// <summary>Ids of objects sent before unchanged: claimed again, nothing to check or write.</summary>
    public List<Guid> Unchanged { get; } = [];

    /// <summary>Objects that go the full way: checked, resolved, compared.</summary>
    public List<ObjectData> Others { get; } = [];

    /// <summary>Fingerprints and ids of the recognised objects.</summary>
    public IEnumerable<KeyValuePair<int, Guid>> Recognised =>
        Enumerable.Range(0, _items.Count).Where(i => _decided[i] == 1).Select(i => new KeyValuePair<int, Guid>(_fingerprints[i], _candidates[i]!.Value));

    /// <summary>The fingerprint of any object the data names: class, values and the host's fingerprint.</summary>
    public int Fingerprint(ObjectData item)
    {
        if (_index.TryGetValue(item, out var i))
        {
            return _fingerprints[i];
        }

        if (_otherFingerprints.TryGetValue(item, out var value))
        {
            return value;
        }

        value = HashCode.Combine(OwnHash(item), item.Host is null ? 0 : Fingerprint(item.Host));
        _otherFingerprints[item] = value;
        return value;
    }

    /// <summary>Whether object <paramref name="i"/> is recognised: its candidate holds and its host is recognised as that object's host.</summary>
    private Guid? Known(int i)
    {
        if (_decided[i] == 0)
        {
            var host = _hostIndex[i];
            var hostId = host == NoHost ? null : host == HostNotListed ? KnownOtherHost(_items[i].Host!) : Known(host);
            _decided[i] = _candidates[i] is not null && (host == NoHost || hostId is not null) && _candidateHosts[i] == hostId ? (byte)1 : (byte)2;
        }

        return _decided[i] == 1 ? _candidates[i] : null;
    }

    /// <summary>
    /// For a host not in the list: data names one host for many objects in a row (the components of one
    /// application), so the last one looked up is kept.
    /// </summary>
    private int OtherFingerprint(ObjectData host)
    {
        if (!ReferenceEquals(host, _lastFingerprinted))
        {
            (_lastFingerprinted, _lastFingerprint) = (host, Fingerprint(host));
        }

        return _lastFingerprint;
    }

    private Guid? KnownOtherHost(ObjectData host)
    {
        if (!ReferenceEquals(host, _lastKnownHost))
        {
            (_lastKnownHost, _lastKnownHostId) = (host, KnownOther(host));
        }

        return _lastKnownHostId;
    }

    private Guid? KnownOther(ObjectData item)
    {
        if (!_otherKnown.TryGetValue(item, out var result))
        {
            if (Candidate(item, Fingerprint(item)) is { } existing)
            {
                var hostId = item.Host is null ? null : _index.TryGetValue(item.Host, out var h) ? Known(h) : KnownOther(item.Host);
                result = (item.Host is null || hostId is not null) && existing.HostId == hostId ? existing.Id : null;
            }

            _otherKnown[item] = result;
        }

        return result;
    }

    /// <summary>The existing object the fingerprint points at, if it has the item's class and every value the item gives.</summary>
    private MonitoringObject? Candidate(ObjectData item, int fingerprint) =>
        _cache!.TryGetValue(fingerprint, out var id)
        && _objects.TryGetValue(id, out var existing)
        && string.Equals(existing.ClassName, item.ClassName, StringComparison.Ordinal)
        && SameValues(item, existing)
            ? existing
            : null;

    private void ForEach(Action<int> body)
    {
        if (_items.Count >= ParallelThreshold)
        {
            Parallel.For(0, _items.Count, body);
        }
        else
        {
            for (var i = 0; i < _items.Count; i++)
            {
                body(i);
            }
        }
    }

    private static int OwnHash(ObjectData item)
    {
        // Summed, so that the order the properties come in does not matter.
        var properties = 0;
        if (item.Properties is Dictionary<string, string?> dictionary)
        {
            foreach (var pair in dictionary)
            {
                properties += HashCode.Combine(pair.Key, pair.Value);
            }
        }
        else
        {
            foreach (var pair in item.Properties)
            {
                properties += HashCode.Combine(pair.Key, pair.Value);
            }
        }

        return HashCode.Combine(item.ClassName, properties);
    }

    private static bool SameValues(ObjectData item, MonitoringObject existing)
    {
        if (item.Properties is Dictionary<string, string?> dictionary)
        {
            foreach (var pair in dictionary)
            {
                if (!SameValue(pair.Key, pair.Value, existing))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var pair in item.Properties)
        {
            if (!SameValue(pair.Key, pair.Value, existing))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameValue(string name, string? value, MonitoringObject existing)
    {
        if (name == "DisplayName")
        {
            return value is null || value == existing.DisplayName;
        }

        var has = existing.Properties.TryGetValue(name, out var current);
        return value is null ? !has : has && current == value;
    }
}
