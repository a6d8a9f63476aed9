namespace MonitoringHost.Discovery.Instances;

/// <summary>
/// Who claims what, both ways: a source's items (to diff a snapshot) and an item's sources (to know when the last
/// claim goes, and to drop every claim on an item removed by cascade). Most items have one source, so the item
/// side keeps a single string until a second source appears.
/// </summary>
internal sealed class ClaimIndex
{
    private readonly Dictionary<string, HashSet<Guid>> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, object> _byItem = [];

    public IReadOnlyCollection<Guid> ItemsOf(string source) => _bySource.TryGetValue(source, out var items) ? items : [];

    public IEnumerable<string> Sources => _bySource.Keys;

    public IReadOnlyList<string> SourcesOf(Guid item) => _byItem.GetValueOrDefault(item) switch
    {
        string one => [one],
        List<string> many => many,
        _ => [],
    };

    public bool IsClaimed(Guid item) => _byItem.ContainsKey(item);

    public void Add(string source, Guid item)
    {
        if (!_bySource.TryGetValue(source, out var items))
        {
            _bySource[source] = items = [];
        }

        if (!items.Add(item))
        {
            return;
        }

        switch (_byItem.GetValueOrDefault(item))
        {
            case null:
                _byItem[item] = source;
                break;
            case string one:
                _byItem[item] = new List<string> { one, source };
                break;
            case List<string> many:
                many.Add(source);
                break;
        }
    }

    public void Remove(string source, Guid item)
    {
        if (!_bySource.TryGetValue(source, out var items) || !items.Remove(item))
        {
            return;
        }

        if (items.Count == 0)
        {
            _bySource.Remove(source);
        }

        switch (_byItem.GetValueOrDefault(item))
        {
            case string:
                _byItem.Remove(item);
                break;
            case List<string> many:
                many.Remove(source);
                if (many.Count == 1)
                {
                    _byItem[item] = many[0];
                }

                break;
        }
    }
}
