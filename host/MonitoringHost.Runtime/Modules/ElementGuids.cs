using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.Runtime.Modules;

/// <summary>
/// Pack elements by the GUID that <c>$MPElement[Name="…"]$</c> becomes in a configuration: classes, relationship
/// types and string resources. Built once per pack set (per <see cref="ClassCatalog"/> instance) and shared by every
/// module made from it, since a pack set has thousands of workflow instances and only one set of elements; each
/// table is built on first use, so a host that raises no alerts never hashes the string resources.
/// </summary>
internal sealed class ElementGuids
{
    private static readonly ConditionalWeakTable<ClassCatalog, ElementGuids> Cache = [];

    private readonly Lazy<FrozenDictionary<Guid, ClassInfo>> _classes;
    private readonly Lazy<FrozenDictionary<Guid, RelationshipInfo>> _relationships;
    private readonly Lazy<FrozenDictionary<Guid, ResolvedElement<StringResource>>> _stringResources;

    private ElementGuids(ClassCatalog catalog)
    {
        _classes = new(() => catalog.Classes.DistinctBy(c => c.Id).ToFrozenDictionary(c => c.Id));
        _relationships = new(() => catalog.Relationships.DistinctBy(r => r.Id).ToFrozenDictionary(r => r.Id));
        _stringResources = new(() => catalog.Packs.All<StringResource>()
            .Select(r => KeyValuePair.Create(r.Pack.GuidOf(r.Element.Id), r))
            .DistinctBy(r => r.Key)
            .ToFrozenDictionary());
    }

    /// <summary>The table for the pack set <paramref name="catalog"/> was built from.</summary>
    public static ElementGuids For(ClassCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Cache.GetValue(catalog, c => new ElementGuids(c));
    }

    public ClassInfo? Class(Guid id) => _classes.Value.GetValueOrDefault(id);

    public RelationshipInfo? Relationship(Guid id) => _relationships.Value.GetValueOrDefault(id);

    public ResolvedElement<StringResource>? StringResource(Guid id) =>
        _stringResources.Value.TryGetValue(id, out var found) ? found : null;
}
