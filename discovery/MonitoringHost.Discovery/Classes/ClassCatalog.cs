using System.Collections.Frozen;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.Discovery.Classes;

/// <summary>
/// The classes and relationship types of a validated pack set, resolved once, by element ID. Class and relationship
/// IDs are unique across a management group in practice; where two packs declare the same ID the first one wins.
/// </summary>
public sealed class ClassCatalog
{
    private readonly FrozenDictionary<string, ClassInfo> _classes;
    private readonly FrozenDictionary<string, RelationshipInfo> _relationships;
    private readonly FrozenDictionary<string, ClassInfo[]> _derived;

    public ClassCatalog(PackSet packs)
    {
        Packs = packs;
        var classes = new Dictionary<string, (ClassInfo Info, ResolvedElement<ClassType> Element)>(StringComparer.Ordinal);
        foreach (var type in packs.All<ClassType>().Where(t => !t.Element.Extension))
        {
            classes.TryAdd(type.Element.Id, (new ClassInfo(type.Element.Id, type.Pack.GuidOf(type.Element.Id), type.Element.Abstract, type.Element.Hosted, type.Element.Singleton), type));
        }

        foreach (var (info, element) in classes.Values)
        {
            if (element.Element.Base is { } baseRef && packs.Find<ClassType>(element.Pack, baseRef) is { } found && classes.TryGetValue(found.Element.Id, out var b))
            {
                info.Base = b.Info;
            }
        }

        var extensions = packs.All<ClassType>().Where(t => t.Element.Extension).ToList();
        foreach (var (info, _) in classes.Values)
        {
            var chain = info.SelfAndBases().Reverse().ToList();
            var properties = new List<PropertyInfo>();
            foreach (var c in chain)
            {
                var declared = classes[c.Name].Element.Element.Properties
                    .Concat(extensions.Where(e => packs.Find<ClassType>(e.Pack, e.Element.Base ?? "")?.Element.Id == c.Name).SelectMany(e => e.Element.Properties));
                properties.AddRange(declared.Select(p => new PropertyInfo(string.Intern(p.Id), p.Type, p.Key, p.CaseSensitive, p.MaxLength, c.Name)));
            }

            info.Properties = properties.DistinctBy(p => p.Id).ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
            info.KeyProperties = [.. properties.Where(p => p.Key)];
            info.IdentityClass = chain.FirstOrDefault(c => classes[c.Name].Element.Element.Properties.Any(p => p.Key)) ?? info;
        }

        _classes = classes.ToFrozenDictionary(c => c.Key, c => c.Value.Info, StringComparer.Ordinal);
        _relationships = BuildRelationships(packs, _classes);
        foreach (var info in _classes.Values.Where(c => c.Hosted))
        {
            info.HostClasses = [.. _relationships.Values
                .Where(r => r.IsHosting && !r.Abstract && info.IsA(r.Target))
                .Select(r => r.Source)
                .Distinct()];
        }

        _derived = _classes.Values.ToFrozenDictionary(
            c => c.Name,
            c => _classes.Values.Where(d => d.IsA(c)).ToArray(),
            StringComparer.Ordinal);
    }

    public PackSet Packs { get; }

    public IEnumerable<ClassInfo> Classes => _classes.Values;

    public IEnumerable<RelationshipInfo> Relationships => _relationships.Values;

    public ClassInfo? Class(string name) => _classes.GetValueOrDefault(StripAlias(name));

    public RelationshipInfo? Relationship(string name) => _relationships.GetValueOrDefault(StripAlias(name));

    /// <summary>The class and every class derived from it.</summary>
    public IReadOnlyList<ClassInfo> SelfAndDerived(ClassInfo type) => _derived[type.Name];

    /// <summary>Accepts <c>Alias!ID</c> too, for names copied from packs.</summary>
    private static string StripAlias(string name)
    {
        var bang = name.IndexOf('!', StringComparison.Ordinal);
        return bang < 0 ? name : name[(bang + 1)..];
    }

    private static FrozenDictionary<string, RelationshipInfo> BuildRelationships(PackSet packs, FrozenDictionary<string, ClassInfo> classes)
    {
        var relationships = new Dictionary<string, (RelationshipInfo Info, ResolvedElement<RelationshipType> Element)>(StringComparer.Ordinal);
        foreach (var type in packs.All<RelationshipType>())
        {
            relationships.TryAdd(type.Element.Id, (new RelationshipInfo(type.Element.Id, type.Pack.GuidOf(type.Element.Id), type.Element.Abstract), type));
        }

        foreach (var (info, element) in relationships.Values)
        {
            if (element.Element.Base is { } baseRef && packs.Find<RelationshipType>(element.Pack, baseRef) is { } found && relationships.TryGetValue(found.Element.Id, out var b))
            {
                info.Base = b.Info;
            }

            info.Source = EndClass(packs, element.Pack, element.Element.Source.Type, classes);
            info.Target = EndClass(packs, element.Pack, element.Element.Target.Type, classes);
        }

        return relationships.ToFrozenDictionary(r => r.Key, r => r.Value.Info, StringComparer.Ordinal);
    }

    private static ClassInfo EndClass(PackSet packs, ManagementPack pack, string reference, FrozenDictionary<string, ClassInfo> classes) =>
        packs.Find<ClassType>(pack, reference) is { } found && classes.TryGetValue(found.Element.Id, out var info)
            ? info
            : throw new InvalidOperationException($"relationship end '{reference}' in {pack.Id} does not resolve; validate the pack set first");
}
