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
        var fingerprints = new Dictionary<ObjectData, int>(data.Objects.Count, ReferenceEqualityComparer.Instance);
        var known = new Dictionary<ObjectData, Guid?>(ReferenceEqualityComparer.Instance);
        var unchanged = new Dictionary<ObjectData, Guid>(ReferenceEqualityComparer.Instance);
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
                && existing.ClassName == item.ClassName
                && existing.HostId == hostId
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

            var hash = HashCode.Combine(item.ClassName, item.Host is null ? 0 : Fingerprint(item.Host));
            var properties = 0;
            foreach (var (name, propertyValue) in item.Properties)
            {
                properties += HashCode.Combine(name, propertyValue);
            }

            value = HashCode.Combine(hash, properties);
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

    public void Forget(string source) => _bySource.Remove(source);

    private static bool SameValues(ObjectData item, MonitoringObject existing)
    {
        foreach (var (name, value) in item.Properties)
        {
            if (name == "DisplayName")
            {
                if (value is not null && value != existing.DisplayName)
                {
                    return false;
                }

                continue;
            }

            var has = existing.Properties.TryGetValue(name, out var current);
            if (value is null ? has : !has || current != value)
            {
                return false;
            }
        }

        return true;
    }
}
