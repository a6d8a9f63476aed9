using System.Collections.Frozen;
using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.ManagementPacks.Resolution;

/// <summary>
/// Packs resolved together: the unit the host imports and validates. Immutable; an import builds a new one.
/// Lookups here never report problems (the validator does that); they answer null when a name does not resolve.
/// </summary>
public sealed class PackSet
{
    private readonly FrozenDictionary<string, ManagementPack> _byId;

    public PackSet(IEnumerable<ManagementPack> packs)
    {
        Packs = [.. packs];
        _byId = Packs.DistinctBy(p => p.Id, StringComparer.Ordinal).ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
    }

    public ImmutableArray<ManagementPack> Packs { get; }

    public ManagementPack? this[string packId] => _byId.GetValueOrDefault(packId);

    /// <summary>The pack an alias of <paramref name="from"/> names, or <paramref name="from"/> itself for no alias.</summary>
    public ManagementPack? PackForAlias(ManagementPack from, string? alias)
    {
        if (alias is null)
        {
            return from;
        }

        var reference = from.Manifest.References.FirstOrDefault(r => r.Alias == alias);
        return reference is null ? null : this[reference.Id];
    }

    /// <summary>Resolves <c>Alias!ID</c> (or a plain ID) as seen from <paramref name="from"/>.</summary>
    public ResolvedElement<ManagementPackElement>? Find(ManagementPack from, string reference)
    {
        var parsed = ElementReference.Parse(reference);
        var pack = PackForAlias(from, parsed.Alias);
        return pack is not null && pack.ElementsById.TryGetValue(parsed.Id, out var element)
            ? new ResolvedElement<ManagementPackElement>(pack, element)
            : null;
    }

    public ResolvedElement<T>? Find<T>(ManagementPack from, string reference) where T : ManagementPackElement =>
        Find(from, reference) is { Element: T typed } found ? new ResolvedElement<T>(found.Pack, typed) : null;

    /// <summary>The class and its bases, most derived first; stops at a cycle or a base that does not resolve.</summary>
    public IEnumerable<ResolvedElement<ClassType>> ClassAndBases(ResolvedElement<ClassType> type) => AndBases(type, c => c.Base);

    /// <summary>
    /// Whether every base of the class resolves (no cycle either). Checks that need the whole chain skip classes
    /// whose chain is cut, since the cut itself is already reported.
    /// </summary>
    public bool HasCompleteBaseChain(ResolvedElement<ClassType> type) => ClassAndBases(type).Last().Element.Base is null;

    /// <summary>The relationship type and its bases, most derived first; stops at a cycle.</summary>
    public IEnumerable<ResolvedElement<RelationshipType>> RelationshipAndBases(ResolvedElement<RelationshipType> type) => AndBases(type, r => r.Base);

    /// <summary>The data type and its bases, most derived first; stops at a cycle.</summary>
    public IEnumerable<ResolvedElement<DataType>> DataTypeAndBases(ResolvedElement<DataType> type) => AndBases(type, d => d.Base);

    private IEnumerable<ResolvedElement<T>> AndBases<T>(ResolvedElement<T> type, Func<T, string?> baseOf) where T : ManagementPackElement
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ResolvedElement<T>? current = type;
        while (current is { } c && seen.Add(c.Key))
        {
            yield return c;
            current = baseOf(c.Element) is { } baseRef ? Find<T>(c.Pack, baseRef) : null;
        }
    }

    /// <summary>Whether items of type <paramref name="produced"/> may flow into a module that takes <paramref name="accepted"/>.</summary>
    public bool IsAssignable(ResolvedElement<DataType> produced, ResolvedElement<DataType> accepted) =>
        DataTypeAndBases(produced).Any(t => t.Key == accepted.Key);

    /// <summary>Finds a property on a class or any of its bases.</summary>
    public ClassProperty? FindProperty(ResolvedElement<ClassType> type, string propertyId) =>
        ClassAndBases(type).SelectMany(c => c.Element.Properties).FirstOrDefault(p => p.Id == propertyId);

    public IEnumerable<ResolvedElement<T>> All<T>() where T : ManagementPackElement =>
        Packs.SelectMany(p => p.ElementsOf<T>().Select(e => new ResolvedElement<T>(p, e)));
}
