using System.Collections.Immutable;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>Where a pack of the running set comes from, which decides what may be done with it.</summary>
public enum ManagementPackOrigin
{
    /// <summary>A shipped library pack (<c>packs/libraries</c>): part of the host, never deleted.</summary>
    Library,

    /// <summary>A pack file given to <c>mh serve</c>: read from its file at every start; change the file instead.</summary>
    File,

    /// <summary>Imported through the API and kept in the operational store.</summary>
    Imported,
}

/// <summary>The origins of the packs of the running set; immutable, a pack change makes a new one.</summary>
internal sealed class PackOrigins(IEnumerable<string> libraries, IEnumerable<StoredManagementPack> imported, IEnumerable<string> files)
{
    private readonly ImmutableHashSet<string> _libraries = [.. libraries];
    private readonly ImmutableDictionary<string, StoredManagementPack> _imported = imported.ToImmutableDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly ImmutableHashSet<string> _files = [.. files];

    public ManagementPackOrigin Of(string packId) =>
        _files.Contains(packId) ? ManagementPackOrigin.File
        : _imported.ContainsKey(packId) ? ManagementPackOrigin.Imported
        : ManagementPackOrigin.Library;

    /// <summary>Whether the host ships a pack with this ID (an imported newer version of it included).</summary>
    public bool IsLibrary(string packId) => _libraries.Contains(packId);

    /// <summary>The stored row of an imported pack, or null.</summary>
    public StoredManagementPack? Imported(string packId) => _imported.GetValueOrDefault(packId);

    public PackOrigins WithImported(IEnumerable<StoredManagementPack> packs) =>
        new(_libraries, _imported.SetItems(packs.Select(p => KeyValuePair.Create(p.Name, p))).Values, _files);

    public PackOrigins Without(string packId) => new(_libraries, _imported.Remove(packId).Values, _files);
}
