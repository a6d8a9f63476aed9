using System.Collections.Frozen;
using System.Collections.Immutable;
using MonitoringHost.ManagementPacks.Identity;

namespace MonitoringHost.ManagementPacks.Model;

/// <summary>
/// A parsed management pack: its manifest and every element, in document order. <see cref="Sealed"/> and
/// <see cref="PublicKeyToken"/> come from where the pack was loaded (XML carries neither).
/// </summary>
public sealed record ManagementPack(
    ManagementPackManifest Manifest,
    string SourcePath,
    bool Sealed,
    string? PublicKeyToken,
    ImmutableArray<ManagementPackElement> Elements,
    ImmutableArray<LanguagePack> LanguagePacks)
{
    private FrozenDictionary<string, ManagementPackElement>? _byId;

    public string Id => Manifest.Id;
    public Version Version => Manifest.Version;

    /// <summary>The pack's deterministic GUID, as SCOM computes it.</summary>
    public Guid Guid => DeterministicGuid.ForManagementPack(Id, Sealed ? PublicKeyToken : null);

    /// <summary>The first element with each ID (duplicates are reported by validation).</summary>
    public FrozenDictionary<string, ManagementPackElement> ElementsById => _byId ??= Elements
        .Where(e => e.Id.Length > 0)
        .DistinctBy(e => e.Id, StringComparer.Ordinal)
        .ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);

    public IEnumerable<T> ElementsOf<T>() where T : ManagementPackElement => Elements.OfType<T>();

    /// <summary>The deterministic GUID of one of this pack's elements.</summary>
    public Guid GuidOf(string elementId) => DeterministicGuid.ForElement(Id, Sealed ? PublicKeyToken : null, elementId);

    /// <summary>The display string of an element in the default language pack, else ENU, else any.</summary>
    public DisplayString? DisplayStringFor(string elementId, string? subElementId = null, string? language = null)
    {
        var packs = LanguagePacks
            .OrderByDescending(l => language is not null && string.Equals(l.Id, language, StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(l => l.IsDefault)
            .ThenByDescending(l => string.Equals(l.Id, "ENU", StringComparison.OrdinalIgnoreCase));
        return packs
            .SelectMany(l => l.DisplayStrings)
            .FirstOrDefault(d => d.ElementId == elementId && d.SubElementId == subElementId);
    }
}
