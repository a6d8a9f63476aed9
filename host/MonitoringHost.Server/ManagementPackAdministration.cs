using System.Text.Json;
using MonitoringHost.Discovery.Classes;
using MonitoringHost.ManagementPacks.Loading;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Reading;
using MonitoringHost.ManagementPacks.Resolution;
using MonitoringHost.Runtime.Compilation;
using MonitoringHost.Runtime.Modules;
using MonitoringHost.Storage;

namespace MonitoringHost.Server;

/// <summary>
/// Management packs of a running server: import (one or several, all or nothing), list, details, the XML as imported,
/// delete. A change is checked in full against the whole pack set first (read, versions, references, validation, class
/// catalog, workflow compilation); only then is it written to the store in one transaction and the server moved to
/// the new set (<see cref="ManagementServer.SwitchPackSetAsync"/>): new classes, discoveries, rules and monitors run at
/// once, and the change outlives a restart. A refused change changes nothing. Changes take turns.
/// </summary>
/// <remarks>
/// Versions, as Operations Manager decides them: an unsealed pack is replaced by the same or a higher version, a
/// lower one is refused; a sealed pack (a shipped library pack) is only upgraded, by a higher version, which stays
/// sealed with the same key; the same or a lower version is refused. A pack given to <c>mh serve</c> as a file is
/// neither replaced nor deleted here: it is read from its file at every start.
/// </remarks>
public sealed class ManagementPackAdministration
{
    private const string ImportedPathPrefix = "imported:";
    private readonly ManagementServer _server;
    private volatile PackOrigins _origins;

    internal ManagementPackAdministration(ManagementServer server, PackOrigins origins)
    {
        _server = server;
        _origins = origins;
    }

    /// <summary>Every pack of the running set, by name.</summary>
    public IReadOnlyList<ManagementPackInfo> List()
    {
        var packs = _server.Classes.Packs;
        return [.. packs.Packs.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => Describe(packs, p, _origins))];
    }

    /// <summary>One pack of the running set, or null.</summary>
    public ManagementPackInfo? Find(string name)
    {
        var packs = _server.Classes.Packs;
        return packs[name] is { } pack ? Describe(packs, pack, _origins) : null;
    }

    /// <summary>
    /// The pack's XML exactly as imported (for an imported pack) or as its file holds it (shipped and command-line
    /// packs), or null for no such pack.
    /// </summary>
    public async Task<byte[]?> ReadXmlAsync(string name, CancellationToken cancellationToken)
    {
        if (_server.Classes.Packs[name] is not { } pack)
        {
            return null;
        }

        return _origins.Imported(name) is { } stored
            ? stored.Xml
            : await File.ReadAllBytesAsync(pack.SourcePath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports <paramref name="uploads"/> together (or, with <paramref name="validateOnly"/>, only checks them), as
    /// <paramref name="by"/>. Every problem found is returned; on any, nothing changes. <paramref name="cancellationToken"/>
    /// cancels the wait for another pack change to finish; once this one is checked and committing, it completes.
    /// </summary>
    public Task<PackChangeResult> ImportAsync(IReadOnlyList<PackUpload> uploads, bool validateOnly, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        return _server.ChangePacksAsync(() => ImportNowAsync(uploads, validateOnly, by), cancellationToken);
    }

    /// <summary>
    /// Deletes the imported pack <paramref name="name"/>, its workflows and the objects of its classes (with the
    /// objects they host and the relationships touching them) in one transaction. Refused while another pack
    /// references it, and for shipped library packs and packs given to <c>mh serve</c>.
    /// </summary>
    public Task<PackChangeResult> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _server.ChangePacksAsync(() => DeleteNowAsync(name), cancellationToken);
    }

    /// <summary>Reads the packs kept in the store, as a start loads them; the problems of those that do not read.</summary>
    internal static (IReadOnlyList<ManagementPack> Packs, IReadOnlyList<string> Problems) Read(IReadOnlyList<StoredManagementPack> stored)
    {
        var packs = new List<ManagementPack>();
        var problems = new List<string>();
        foreach (var row in stored)
        {
            var read = ManagementPackReader.Read(row.Xml, ImportedPathPrefix + row.Name, new ManagementPackReadOptions { Sealed = row.Sealed, PublicKeyToken = row.PublicKeyToken });
            problems.AddRange(read.Problems.Where(p => p.IsError).Select(p => p.ToString()));
            if (read.Pack is { } pack && !read.HasErrors)
            {
                packs.Add(pack);
            }
        }

        return (packs, problems);
    }

    private async Task<PackChangeResult> ImportNowAsync(IReadOnlyList<PackUpload> uploads, bool validateOnly, string by)
    {
        if (uploads.Count == 0)
        {
            return PackChangeResult.Refused(PackChangeOutcome.Invalid, "no management pack was given", [new PackError("", null, null, null, "no-pack", "the request holds no management pack")]);
        }

        var errors = new List<PackError>();
        var read = new List<(PackUpload Upload, ManagementPack Pack)>();
        foreach (var upload in uploads)
        {
            var result = ManagementPackReader.Read(upload.Xml, upload.FileName);
            errors.AddRange(result.Problems.Where(p => p.IsError).Select(PackError.From));
            if (result.Pack is { } pack && !result.HasErrors)
            {
                read.Add((upload, pack));
            }
        }

        foreach (var twice in read.GroupBy(r => r.Pack.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new PackError(twice.Last().Upload.FileName, null, null, twice.Key, "duplicate-pack", $"the pack {twice.Key} is given more than once ({string.Join(", ", twice.Select(t => t.Upload.FileName))})"));
        }

        if (errors.Count > 0)
        {
            return PackChangeResult.Refused(PackChangeOutcome.Invalid, $"{errors.Count} problem(s): the packs do not parse", errors);
        }

        var current = _server.Classes.Packs;
        var origins = _origins;
        var incoming = new List<(PackUpload Upload, ManagementPack Pack)>();
        foreach (var (upload, pack) in read)
        {
            var existing = current[pack.Id];
            if (VersionConflict(pack, existing, origins) is { } conflict)
            {
                errors.Add(new PackError(upload.FileName, pack.Manifest.Location.Line, pack.Manifest.Location.Column, pack.Id, "version-conflict", conflict));
                continue;
            }

            incoming.Add((upload, existing is { Sealed: true } ? pack with { Sealed = true, PublicKeyToken = existing.PublicKeyToken } : pack));
        }

        if (errors.Count > 0)
        {
            return PackChangeResult.Refused(PackChangeOutcome.Conflict, string.Join("; ", errors.Select(e => e.Message)), errors);
        }

        var replaced = incoming.Select(i => i.Pack.Id).ToHashSet(StringComparer.Ordinal);
        var (next, problems) = Check([.. current.Packs.Where(p => !replaced.Contains(p.Id)), .. incoming.Select(i => i.Pack)], incoming.Count);
        if (problems.Count > 0)
        {
            return PackChangeResult.Refused(PackChangeOutcome.NotValid, $"{problems.Count} problem(s): the pack set does not validate with these packs", problems);
        }

        var now = _server.Options.Time.GetUtcNow();
        var rows = incoming.Select(i => new StoredManagementPack(i.Pack.Id, i.Pack.Version, i.Pack.Sealed, i.Pack.PublicKeyToken, i.Upload.Xml, StoredTime.Normalize(now), by)).ToList();
        var after = origins.WithImported(rows);
        if (!validateOnly)
        {
            var store = ManagementPackStore.For(_server.Store);
            await _server.SwitchPackSetAsync(next!, _ => store.SaveAsync(rows, CancellationToken.None)).ConfigureAwait(false);
            _origins = after;
        }

        var described = incoming.Select(i => Describe(next!.Packs, next.Packs[i.Pack.Id]!, validateOnly ? origins : after)).ToList();
        return new PackChangeResult(validateOnly ? PackChangeOutcome.Validated : PackChangeOutcome.Done, validateOnly ? "the packs would import" : "imported", described, []);
    }

    private async Task<PackChangeResult> DeleteNowAsync(string name)
    {
        var current = _server.Classes.Packs;
        var origins = _origins;
        if (current[name] is not { } pack)
        {
            return PackChangeResult.Refused(PackChangeOutcome.NotFound, $"there is no management pack '{name}'");
        }

        if (origins.IsLibrary(name))
        {
            return Conflict(name, $"{name} is a shipped library pack: it is part of the host and cannot be deleted");
        }

        if (origins.Of(name) == ManagementPackOrigin.File)
        {
            return Conflict(name, $"{name} is read from the file {pack.SourcePath} given to mh serve: remove it from the command line instead");
        }

        var referencing = current.Packs.Where(p => p.Id != name && p.Manifest.References.Any(r => r.Id == name)).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
        if (referencing.Count > 0)
        {
            return Conflict(name, $"{name} is referenced by {string.Join(", ", referencing)}: delete those first");
        }

        var (next, problems) = Check([.. current.Packs.Where(p => p.Id != name)], 0);
        if (problems.Count > 0)
        {
            return PackChangeResult.Refused(PackChangeOutcome.Conflict, $"the pack set does not validate without {name}", problems);
        }

        var store = ManagementPackStore.For(_server.Store);
        var classes = pack.ElementsOf<ClassType>().Where(c => !c.Extension).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var relationshipTypes = pack.ElementsOf<RelationshipType>().Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        await _server.SwitchPackSetAsync(next!, space =>
        {
            var objects = space.OfClass("System.Entity").Where(o => classes.Contains(o.ClassName)).ToList();
            objects = [.. objects.Concat(objects.SelectMany(o => space.HostedBy(o.Id, recursive: true))).DistinctBy(o => o.Id)];
            var ids = objects.Select(o => o.Id).ToHashSet();
            var relationships = space.AllRelationships().Where(r => relationshipTypes.Contains(r.TypeName) || ids.Contains(r.SourceId) || ids.Contains(r.TargetId)).ToList();
            return store.DeleteAsync(name, objects, relationships, CancellationToken.None);
        }).ConfigureAwait(false);
        _origins = origins.Without(name);
        return new PackChangeResult(PackChangeOutcome.Done, $"{name} deleted", [], []);
    }

    private static PackChangeResult Conflict(string name, string detail) =>
        PackChangeResult.Refused(PackChangeOutcome.Conflict, detail, [new PackError(null, null, null, name, "conflict", detail)]);

    /// <summary>Why <paramref name="pack"/> cannot replace <paramref name="existing"/>, or null when it can.</summary>
    private static string? VersionConflict(ManagementPack pack, ManagementPack? existing, PackOrigins origins)
    {
        if (existing is null)
        {
            return null;
        }

        if (origins.Of(pack.Id) == ManagementPackOrigin.File)
        {
            return $"{pack.Id} is read from the file {existing.SourcePath} given to mh serve: change that file instead";
        }

        if (existing.Sealed && pack.Version <= existing.Version)
        {
            return $"{pack.Id} {existing.Version} is installed and sealed: only a higher version replaces it (this is {pack.Version})";
        }

        return pack.Version < existing.Version
            ? $"{pack.Id} {existing.Version} is installed: a lower version ({pack.Version}) does not replace it"
            : null;
    }

    /// <summary>
    /// Validates a candidate set and builds what the server would run from it (class catalog, compiled workflows), so
    /// that a set that would fail to run is refused before anything is written; the errors, or the catalog.
    /// </summary>
    private static (ClassCatalog? Next, IReadOnlyList<PackError> Problems) Check(IReadOnlyList<ManagementPack> packs, int loadedCount)
    {
        var validated = PackSetLoader.Validate(packs, [], loadedCount);
        if (validated.HasErrors)
        {
            return (null, [.. validated.Problems.Where(p => p.IsError).Select(PackError.From)]);
        }

        try
        {
            var classes = new ClassCatalog(validated.Packs);
            _ = new WorkflowCompiler(validated.Packs, ModuleCatalog.Default).CompileAll();
            return (classes, []);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or JsonException)
        {
            return (null, [new PackError(null, null, null, null, "not-runnable", $"the pack set validates but cannot run: {e.Message}")]);
        }
    }

    private static ManagementPackInfo Describe(PackSet packs, ManagementPack pack, PackOrigins origins)
    {
        var stored = origins.Imported(pack.Id);
        return new ManagementPackInfo(
            pack.Guid,
            pack.Id,
            pack.DisplayStringFor(pack.Id)?.Name ?? pack.Manifest.Name ?? pack.Id,
            pack.Version,
            pack.Sealed,
            origins.Of(pack.Id),
            stored?.ImportedAt,
            stored?.ImportedBy,
            pack.Elements.Where(e => e.Kind != ElementKind.Opaque)
                .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.Kind.ToString()))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            [.. pack.Manifest.References.Select(r => new ManagementPackReferenceInfo(r.Alias, r.Id, r.Version, r.PublicKeyToken))],
            [.. packs.Packs.Where(p => p.Manifest.References.Any(r => r.Id == pack.Id)).Select(p => p.Id).Order(StringComparer.Ordinal)]);
    }
}
