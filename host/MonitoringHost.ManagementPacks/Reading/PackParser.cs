using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Reading;

/// <summary>
/// Turns one parsed document (a whole pack or a fragment) into model records. Never throws for bad content: every
/// problem is recorded with its location and the element is skipped or kept as opaque XML.
/// </summary>
internal sealed partial class PackParser
{
    private readonly string _path;
    private readonly List<PackProblem> _problems;
    private readonly Dictionary<string, (int Count, SourceLocation First)> _opaque = new(StringComparer.Ordinal);

    public PackParser(string path, List<PackProblem> problems)
    {
        _path = path;
        _problems = problems;
    }

    public List<ManagementPackElement> Elements { get; } = [];
    public List<LanguagePack> LanguagePacks { get; } = [];

    /// <summary>Reads every section of a <c>ManagementPack</c> or <c>ManagementPackFragment</c> root except the manifest.</summary>
    public void ParseSections(XElement root)
    {
        foreach (var section in root.Elements())
        {
            switch (section.Name.LocalName)
            {
                case "Manifest":
                    break;
                case "TypeDefinitions":
                    ParseTypeDefinitions(section);
                    break;
                case "Monitoring":
                    ParseMonitoring(section);
                    break;
                case "Presentation":
                    ParsePresentation(section);
                    break;
                case "LanguagePacks":
                    ParseLanguagePacks(section);
                    break;
                default:
                    // Categories, Templates, PresentationTypes, Reporting, Resources, ConfigurationGroups, …
                    KeepOpaqueChildren(section);
                    break;
            }
        }
    }

    /// <summary>One warning per kind of element kept as opaque XML, so a pack with 40 views gets one line, not 40.</summary>
    public void ReportOpaque(string packId)
    {
        foreach (var (name, (count, first)) in _opaque.OrderBy(o => o.Value.First.Line))
        {
            var what = count == 1 ? $"1 {name} element is" : $"{count} {name} elements are";
            _problems.Add(new PackProblem(
                ProblemCodes.OpaqueElements,
                ProblemSeverity.Warning,
                $"{what} kept as XML and not interpreted by this host",
                first,
                PackId: packId));
        }
    }

    public ManagementPackManifest? ParseManifest(XElement root)
    {
        var manifest = root.Element("Manifest");
        if (manifest is null)
        {
            Error(ProblemCodes.InvalidManifest, "the pack has no <Manifest>; it is the one required section", root);
            return null;
        }

        var identity = manifest.Element("Identity");
        var id = identity?.Element("ID")?.Value.Trim();
        var versionText = identity?.Element("Version")?.Value.Trim();
        if (string.IsNullOrEmpty(id))
        {
            Error(ProblemCodes.InvalidManifest, "the manifest has no <Identity><ID>", identity ?? manifest);
            return null;
        }

        if (!TryParseVersion(versionText, out var version))
        {
            Error(ProblemCodes.InvalidManifest, $"the manifest version '{versionText}' is not a version like 1.0.0.0", identity?.Element("Version") ?? identity!, id);
            return null;
        }

        var references = ImmutableArray.CreateBuilder<ManagementPackReference>();
        foreach (var reference in manifest.Element("References")?.Elements("Reference") ?? [])
        {
            var alias = Required(reference, "Alias", id);
            var refId = reference.Element("ID")?.Value.Trim();
            var refVersionText = reference.Element("Version")?.Value.Trim();
            if (string.IsNullOrEmpty(refId))
            {
                Error(ProblemCodes.InvalidManifest, $"reference '{alias}' has no <ID>", reference, id);
                continue;
            }

            if (!TryParseVersion(refVersionText, out var refVersion))
            {
                Error(ProblemCodes.InvalidManifest, $"reference '{alias}' to {refId} has version '{refVersionText}', which is not a version like 1.0.0.0", reference, id);
                continue;
            }

            var token = reference.Element("PublicKeyToken")?.Value.Trim();
            references.Add(new ManagementPackReference(alias, refId, refVersion, string.IsNullOrEmpty(token) ? null : token, Loc(reference)));
        }

        return new ManagementPackManifest(id, version, manifest.Element("Name")?.Value.Trim(), references.ToImmutable(), Loc(manifest));
    }

    internal static bool TryParseVersion(string? text, out Version version)
    {
        version = new Version(0, 0);
        if (text is null || !Version.TryParse(text, out var parsed) || parsed.Build < 0)
        {
            return false;
        }

        version = parsed.Revision < 0 ? new Version(parsed.Major, parsed.Minor, parsed.Build, 0) : parsed;
        return true;
    }

    private void KeepOpaqueChildren(XElement section)
    {
        foreach (var element in section.Elements())
        {
            KeepOpaque(section.Name.LocalName, element);
        }
    }

    private void KeepOpaque(string section, XElement element)
    {
        var id = (string?)element.Attribute("ID") ?? "";
        Elements.Add(new OpaqueElement(id, Access(element), Loc(element), section, element));
        var name = element.Name.LocalName;
        _opaque[name] = _opaque.TryGetValue(name, out var seen) ? (seen.Count + 1, seen.First) : (1, Loc(element));
    }

    // ---- small helpers shared by the section parsers ----

    private SourceLocation Loc(XObject node)
    {
        var info = (IXmlLineInfo)node;
        return info.HasLineInfo() ? new SourceLocation(_path, info.LineNumber, info.LinePosition) : new SourceLocation(_path, 0, 0);
    }

    private void Error(string code, string message, XObject where, string? elementId = null) =>
        _problems.Add(new PackProblem(code, ProblemSeverity.Error, message, Loc(where), elementId));

    private string Required(XElement element, string attribute, string? elementId = null)
    {
        var value = (string?)element.Attribute(attribute);
        if (value is null)
        {
            Error(ProblemCodes.MissingRequired, $"<{element.Name.LocalName}> needs the attribute {attribute}", element, elementId ?? (string?)element.Attribute("ID"));
            return "";
        }

        return value.Trim();
    }

    private static string? Optional(XElement element, string attribute) => ((string?)element.Attribute(attribute))?.Trim();

    private bool Bool(XElement element, string attribute, bool defaultValue)
    {
        var text = Optional(element, attribute);
        return text is null ? defaultValue : ParseBool(text, element, attribute, defaultValue);
    }

    private bool ChildBool(XElement element, string child, bool defaultValue)
    {
        var node = element.Element(child);
        return node is null ? defaultValue : ParseBool(node.Value.Trim(), node, child, defaultValue);
    }

    private bool ParseBool(string text, XElement where, string name, bool defaultValue)
    {
        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(ProblemCodes.InvalidValue, $"{name} must be true or false, not '{text}'", where, IdOf(where));
        return defaultValue;
    }

    private int? Int(XElement element, string attribute)
    {
        var text = Optional(element, attribute);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(ProblemCodes.InvalidValue, $"{attribute} must be a whole number, not '{text}'", element, IdOf(element));
        return null;
    }

    private Accessibility Access(XElement element)
    {
        var text = Optional(element, "Accessibility");
        switch (text)
        {
            case null or "Public":
                return Accessibility.Public;
            case "Internal":
                return Accessibility.Internal;
            default:
                Error(ProblemCodes.InvalidValue, $"Accessibility must be Public or Internal, not '{text}'", element, IdOf(element));
                return Accessibility.Public;
        }
    }

    private static string? IdOf(XElement element) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute("ID")).FirstOrDefault(id => id is not null);

    private static string? ChildText(XElement element, string child) => element.Element(child)?.Value.Trim();
}
