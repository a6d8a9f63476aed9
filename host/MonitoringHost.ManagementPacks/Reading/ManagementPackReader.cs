using System.Collections.Immutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Reading;

/// <summary>
/// Reads management packs: whole <c>&lt;ManagementPack&gt;</c> files, and <c>.mpx</c> fragments merged into one pack
/// whose references come from an alias map, the fragments' <c>RequiredReference</c> comments, or the conventional
/// aliases. Reading never throws for bad input; problems come back with the result.
/// </summary>
public static partial class ManagementPackReader
{
    [GeneratedRegex(@"RequiredReference:\s*Alias=""(?<alias>[^""]+)""\s*,\s*ID=""(?<id>[^""]+)""")]
    private static partial Regex RequiredReferenceComment();

    [GeneratedRegex(@"(?<![A-Za-z0-9_.!])(?<alias>[A-Za-z_][A-Za-z0-9_]*)![A-Za-z0-9_]")]
    private static partial Regex AliasUse();

    /// <summary>Reads one file: a pack, or a single fragment that becomes a pack of its own.</summary>
    public static ManagementPackReadResult ReadFile(string path, ManagementPackReadOptions? options = null)
    {
        options ??= ManagementPackReadOptions.Default;
        var problems = new List<PackProblem>();
        var document = XmlDocumentLoader.Load(path, options, problems);
        return document is null ? new ManagementPackReadResult(null, [.. problems]) : Read(document, path, options, problems);
    }

    /// <summary>Reads a pack from bytes (as uploaded); <paramref name="name"/> stands for the path in problems.</summary>
    public static ManagementPackReadResult Read(byte[] xml, string name, ManagementPackReadOptions? options = null)
    {
        options ??= ManagementPackReadOptions.Default;
        var problems = new List<PackProblem>();
        var document = XmlDocumentLoader.Load(xml, name, options, problems);
        return document is null ? new ManagementPackReadResult(null, [.. problems]) : Read(document, name, options, problems);
    }

    /// <summary>Merges fragments into one pack, as an authoring build does.</summary>
    public static ManagementPackReadResult ReadFragments(IReadOnlyList<string> paths, ManagementPackReadOptions? options = null)
    {
        options ??= ManagementPackReadOptions.Default;
        var problems = new List<PackProblem>();
        var documents = new List<(string Path, XDocument Document)>();
        foreach (var path in paths)
        {
            if (XmlDocumentLoader.Load(path, options, problems) is { } document)
            {
                documents.Add((path, document));
            }
        }

        var fragments = documents.Where(d => IsRoot(d.Document, "ManagementPackFragment", d.Path, problems)).ToList();
        if (fragments.Count == 0)
        {
            return new ManagementPackReadResult(null, [.. problems]);
        }

        var packId = options.FragmentPackId ?? DefaultFragmentPackId(paths);
        return BuildFromFragments(packId, fragments, options, problems);
    }

    private static ManagementPackReadResult Read(XDocument document, string path, ManagementPackReadOptions options, List<PackProblem> problems)
    {
        var root = document.Root!;
        if (root.Name.LocalName == "ManagementPackFragment")
        {
            var packId = options.FragmentPackId ?? DefaultFragmentPackId([path]);
            return BuildFromFragments(packId, [(path, document)], options, problems);
        }

        if (!IsRoot(document, "ManagementPack", path, problems))
        {
            return new ManagementPackReadResult(null, [.. problems]);
        }

        CheckSchemaVersion(root, path, problems);
        var parser = new PackParser(path, problems);
        var manifest = parser.ParseManifest(root);
        if (manifest is null)
        {
            return new ManagementPackReadResult(null, [.. problems]);
        }

        parser.ParseSections(root);
        parser.ReportOpaque(manifest.Id);
        var pack = new ManagementPack(manifest, path, options.Sealed, options.PublicKeyToken, [.. parser.Elements], [.. parser.LanguagePacks]);
        return new ManagementPackReadResult(pack, [.. problems.Select(p => p with { PackId = manifest.Id })]);
    }

    private static ManagementPackReadResult BuildFromFragments(
        string packId,
        List<(string Path, XDocument Document)> fragments,
        ManagementPackReadOptions options,
        List<PackProblem> problems)
    {
        var elements = new List<ManagementPackElement>();
        var languagePacks = new List<LanguagePack>();
        var commentAliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var usedAliases = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (path, document) in fragments)
        {
            CheckSchemaVersion(document.Root!, path, problems);
            var parser = new PackParser(path, problems);
            parser.ParseSections(document.Root!);
            parser.ReportOpaque(packId);
            elements.AddRange(parser.Elements);
            languagePacks.AddRange(parser.LanguagePacks);
            CollectAliases(document, path, commentAliases, usedAliases);
        }

        var references = ImmutableArray.CreateBuilder<ManagementPackReference>();
        var unmapped = ImmutableArray.CreateBuilder<string>();
        foreach (var (alias, location) in usedAliases.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var referencedId = options.AliasMap.GetValueOrDefault(alias)
                ?? commentAliases.GetValueOrDefault(alias)
                ?? ConventionalAliases.PackIdByAlias.GetValueOrDefault(alias);
            if (referencedId is null)
            {
                problems.Add(new PackProblem(
                    ProblemCodes.UnknownFragmentAlias,
                    ProblemSeverity.Error,
                    $"the fragment uses the alias '{alias}', but no alias map, RequiredReference comment or conventional alias says which pack it means",
                    location,
                    PackId: packId));
                unmapped.Add(alias);
                continue;
            }

            // A fragment states no versions: any installed version satisfies it.
            var token = ConventionalAliases.PackIdByAlias.Values.Contains(referencedId) ? ConventionalAliases.MicrosoftKeyToken : null;
            references.Add(new ManagementPackReference(alias, referencedId, new Version(0, 0, 0, 0), token, location));
        }

        var first = fragments[0].Path;
        var manifest = new ManagementPackManifest(packId, options.FragmentPackVersion, packId, references.ToImmutable(), new SourceLocation(first, 1, 1))
        {
            UnmappedAliases = unmapped.ToImmutable(),
        };
        var pack = new ManagementPack(manifest, first, options.Sealed, options.PublicKeyToken, [.. elements], MergeLanguagePacks(languagePacks));
        return new ManagementPackReadResult(pack, [.. problems.Select(p => p with { PackId = packId })]);
    }

    /// <summary>Fragments each carry their own ENU language pack; the merged pack has one per language.</summary>
    private static ImmutableArray<LanguagePack> MergeLanguagePacks(List<LanguagePack> packs) =>
        [.. packs.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.First() with
        {
            IsDefault = g.Any(p => p.IsDefault),
            DisplayStrings = [.. g.SelectMany(p => p.DisplayStrings)],
            KnowledgeArticles = [.. g.SelectMany(p => p.KnowledgeArticles)],
        })];

    private static void CollectAliases(XDocument document, string path, Dictionary<string, string> commentAliases, Dictionary<string, SourceLocation> usedAliases)
    {
        foreach (var comment in document.DescendantNodes().OfType<XComment>())
        {
            foreach (Match match in RequiredReferenceComment().Matches(comment.Value))
            {
                commentAliases.TryAdd(match.Groups["alias"].Value, match.Groups["id"].Value);
            }
        }

        foreach (var element in document.Descendants())
        {
            foreach (var attribute in element.Attributes())
            {
                NoteAliases(attribute.Value, attribute, path, usedAliases);
            }

            foreach (var text in element.Nodes().OfType<XText>())
            {
                NoteAliases(text.Value, element, path, usedAliases);
            }
        }
    }

    private static void NoteAliases(string value, System.Xml.IXmlLineInfo where, string path, Dictionary<string, SourceLocation> usedAliases)
    {
        if (!value.Contains('!', StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match match in AliasUse().Matches(value))
        {
            usedAliases.TryAdd(match.Groups["alias"].Value, new SourceLocation(path, where.LineNumber, where.LinePosition));
        }
    }

    private static bool IsRoot(XDocument document, string expected, string path, List<PackProblem> problems)
    {
        var root = document.Root!;
        if (root.Name.LocalName == expected && root.Name.Namespace == XNamespace.None)
        {
            return true;
        }

        var info = (System.Xml.IXmlLineInfo)root;
        problems.Add(new PackProblem(
            ProblemCodes.WrongRoot,
            ProblemSeverity.Error,
            $"the root element is <{root.Name.LocalName}>; a management pack starts with <ManagementPack> and a fragment with <ManagementPackFragment>",
            new SourceLocation(path, info.LineNumber, info.LinePosition)));
        return false;
    }

    private static void CheckSchemaVersion(XElement root, string path, List<PackProblem> problems)
    {
        var version = (string?)root.Attribute("SchemaVersion");
        if (version is null or "1.0" or "1.1" or "2.0")
        {
            return;
        }

        var info = (System.Xml.IXmlLineInfo)root;
        problems.Add(new PackProblem(
            ProblemCodes.UnsupportedSchemaVersion,
            ProblemSeverity.Warning,
            $"SchemaVersion '{version}' is not one this host knows (1.0, 1.1, 2.0); reading it as 2.0",
            new SourceLocation(path, info.LineNumber, info.LinePosition)));
    }

    /// <summary>One fragment: its file name; several: their folder's name; made a valid pack ID.</summary>
    private static string DefaultFragmentPackId(IReadOnlyList<string> paths)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(paths[0])));
        var name = paths.Count > 1 && !string.IsNullOrEmpty(folder) ? folder : Path.GetFileNameWithoutExtension(paths[0]);
        return InvalidIdCharacter().Replace(name, "_");
    }

    [GeneratedRegex("[^A-Za-z0-9._]")]
    private static partial Regex InvalidIdCharacter();
}
