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
    public (Dictionary<ObjectData, Guid> Unchanged, List<ObjectData> Others, Dictionary<ObjectData, int> Fingerprints, Dictionary<ObjectData, Guid?> Known) Split(
        DiscoveryData data,
        IReadOnlyDictionary<Guid, MonitoringObject> objects)
    {
        var capacity = data.Objects.Count + (data.Objects.Count / 4);
        var fingerprints = new Dictionary<ObjectData, int>(capacity, ReferenceEqualityComparer.Instance);
        var known = new Dictionary<ObjectData, Guid?>(capacity, ReferenceEqualityComparer.Instance);
        var unchanged = new Dictionary<ObjectData, Guid>(data.Objects.Count, ReferenceEqualityComparer.Instance);
        var rest = new List<ObjectData>();
        _bySource.TryGetValue(data.Source.Value, out var cache);
        foreach (var item in data.Objects)
        {
            if (cache is not null && Known(item) is { } id)
            {
                unchanged[item] = id;
            }
            else
            {
                Fingerprint(item);
                rest.Add(item);
            }
        }

        return (unchanged, rest, fingerprints, known);

        Guid? Known(ObjectData item)
        {
            if (known.TryGetValue(item, out var done))
            {
                return done;
            }

            Guid? result = null;
            var hostId = item.Host is null ? null : Known(item.Host);
            if ((item.Host is null || hostId is not null)
                && cache!.TryGetValue(Fingerprint(item), out var id)
                && objects.TryGetValue(id, out var existing)
                && existing.HostId == hostId
                && string.Equals(existing.ClassName, item.ClassName, StringComparison.Ordinal)
                && SameValues(item, existing))
            {
                result = id;
            }

            known[item] = result;
            return result;
        }

        int Fingerprint(ObjectData item)
        {
            if (fingerprints.TryGetValue(item, out var value))
            {
                return value;
            }

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

            value = HashCode.Combine(item.ClassName, item.Host is null ? 0 : Fingerprint(item.Host), properties);
            fingerprints[item] = value;
            return value;
        }
    }

    /// <summary>Records what a source's data resolved to, once it is committed.</summary>
    public void Remember(DiscoveryData data, Dictionary<ObjectData, int> fingerprints, IEnumerable<KeyValuePair<ObjectData, Guid>> ids)
    {
        var source = data.Source.Value;
        if (!_bySource.TryGetValue(source, out var cache) || cache.Count > 2 * Math.Max(data.Objects.Count, 1000))
        {
            // Entries a source no longer sends fail verification and cost only memory; start afresh when they pile up.
            _bySource[source] = cache = new Dictionary<int, Guid>(data.Objects.Count);
        }

        foreach (var (item, id) in ids)
        {
            if (fingerprints.TryGetValue(item, out var fingerprint))
            {
                cache[fingerprint] = id;
            }
        }
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
