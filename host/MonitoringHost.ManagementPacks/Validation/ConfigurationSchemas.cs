using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation;

/// <summary>
/// Validates module and monitor configurations against their type's <c>&lt;Configuration&gt;</c> XSD. Each type's
/// declared elements become one named complex type next to the schema types it includes. Types that include the
/// same schema types are compiled together in one schema set (compiling is the expensive part), and first of all
/// every type of the pack set at once; a set that does not compile is compiled again in smaller parts, down to one
/// type, so that the broken type, and only it, is reported.
/// Values holding <c>$…$</c> substitutions cannot be typed before run time, so type errors on them are not errors;
/// names, order and required elements still are.
/// </summary>
internal sealed class ConfigurationSchemas(ValidationContext context)
{
    private readonly Dictionary<string, (XmlSchemaType Type, XmlSchemaSet Set)?> _compiled = new(StringComparer.Ordinal);
    private Dictionary<string, List<Configurable>>? _groups;

    private sealed record Configurable(ManagementPack Pack, ManagementPackElement Type, ModuleConfigurationSchema Schema)
    {
        public string Key => Pack.Id + "!" + Type.Id;
    }

    /// <summary>Validates <paramref name="configuration"/> (whose child elements are the configuration) against the type's schema.</summary>
    public void Validate(
        ManagementPack typePack,
        ManagementPackElement type,
        ModuleConfigurationSchema schema,
        XElement configuration,
        ManagementPack usingPack,
        string? elementId,
        string what)
    {
        if (Compile(typePack, type, schema) is not { } compiled)
        {
            return;
        }

        configuration.Validate(compiled.Type, compiled.Set, (sender, e) =>
        {
            if (IsSubstituted(sender))
            {
                return;
            }

            var where = sender is IXmlLineInfo info && info.HasLineInfo()
                ? new SourceLocation(usingPack.SourcePath, info.LineNumber, info.LinePosition)
                : LocationOf(configuration, usingPack);
            context.Error(
                ProblemCodes.ConfigurationInvalid,
                $"the configuration of {what} does not match {type.Id}'s schema: {e.Message}",
                where,
                usingPack,
                elementId);
        });
    }

    /// <summary>Compiles a type's schema once, reporting it if it is not valid XSD; null when it cannot be used.</summary>
    public (XmlSchemaType Type, XmlSchemaSet Set)? Compile(ManagementPack typePack, ManagementPackElement type, ModuleConfigurationSchema schema)
    {
        var member = new Configurable(typePack, type, schema);
        if (_compiled.TryGetValue(member.Key, out var done))
        {
            return done;
        }

        if (_groups is null)
        {
            // One schema set for every type is fastest; if some schema in it is broken, fall back to one set per
            // group of types with the same includes, then to one per type, which reports the broken one.
            _groups = GroupByIncludedSchemaTypes();
            if (TryBuild([.. _groups.Values.SelectMany(g => g)], report: false) && _compiled.TryGetValue(member.Key, out var together))
            {
                return together;
            }
        }

        var group = _groups.Values.FirstOrDefault(g => g.Any(m => m.Key == member.Key)) ?? [member];
        if (group.Count == 1 || !TryBuild(group, report: false))
        {
            foreach (var single in group)
            {
                TryBuild([single], report: true);
            }
        }

        return _compiled.GetValueOrDefault(member.Key);
    }

    /// <summary>Every module and monitor type whose included schema types all resolve, grouped by those includes.</summary>
    private Dictionary<string, List<Configurable>> GroupByIncludedSchemaTypes()
    {
        var all = context.Packs.All<ModuleType>().Select(t => new Configurable(t.Pack, t.Element, t.Element.Configuration))
            .Concat(context.Packs.All<UnitMonitorType>().Select(t => new Configurable(t.Pack, t.Element, t.Element.Configuration)));
        var groups = new Dictionary<string, List<Configurable>>(StringComparer.Ordinal);
        foreach (var member in all)
        {
            var includes = member.Schema.IncludedSchemaTypes.Select(i => context.Packs.Find<SchemaType>(member.Pack, i)).ToList();
            if (includes.Any(i => i is null))
            {
                continue; // compiled alone, so that the unresolved include is reported against it
            }

            var key = string.Join("|", includes.Select(i => i!.Value.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
            }

            list.Add(member);
        }

        return groups;
    }

    private bool TryBuild(List<Configurable> members, bool report)
    {
        var root = new XElement(
            Xsd.Schema,
            new XAttribute(XNamespace.Xmlns + "xsd", Xsd.Namespace.NamespaceName),
            new XAttribute("elementFormDefault", "unqualified"));
        var first = members[0];
        var where = first.Schema.Element is null ? first.Type.Location : LocationOf(first.Schema.Element, first.Pack);

        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (owner, reference) in members.SelectMany(m => m.Schema.IncludedSchemaTypes.Select(i => (m, i))))
        {
            var schemaType = report
                ? context.Resolve<SchemaType>(owner.Pack, reference, where, owner.Type.Id, "included schema type", ElementKind.SchemaType)
                : context.Packs.Find<SchemaType>(owner.Pack, reference);
            if (schemaType is not { } found)
            {
                MarkFailed(members);
                return false;
            }

            if (included.Add(found.Key))
            {
                DeclarePrefixes(root, found.Element.Definitions);
                root.Add(found.Element.Definitions.Elements().Select(Clone));
            }
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Schema.Element is { } declarations)
            {
                DeclarePrefixes(root, declarations);
            }

            root.Add(new XElement(
                Xsd.Namespace + "complexType",
                new XAttribute("name", TypeName(i)),
                new XElement(Xsd.Namespace + "sequence", members[i].Schema.Element?.Elements().Where(e => e.Name.Namespace == Xsd.Namespace).Select(Clone)),
                new XElement(Xsd.Namespace + "anyAttribute", new XAttribute("processContents", "skip"))));
        }

        var set = new XmlSchemaSet { XmlResolver = null };
        var failed = false;
        set.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity != XmlSeverityType.Error)
            {
                return;
            }

            failed = true;
            if (report)
            {
                context.Error(ProblemCodes.ConfigurationSchemaInvalid, $"the configuration schema of {first.Type.Id} is not valid XSD: {e.Message}", where, first.Pack, first.Type.Id);
            }
        };

        try
        {
            using var reader = root.CreateReader();
            set.Add(XmlSchema.Read(reader, null)!);
            set.Compile();
        }
        catch (XmlSchemaException e)
        {
            failed = true;
            if (report)
            {
                context.Error(ProblemCodes.ConfigurationSchemaInvalid, $"the configuration schema of {first.Type.Id} is not valid XSD: {e.Message}", where, first.Pack, first.Type.Id);
            }
        }

        if (failed)
        {
            MarkFailed(members);
            return false;
        }

        for (var i = 0; i < members.Count; i++)
        {
            _compiled[members[i].Key] = (set.GlobalTypes[new XmlQualifiedName(TypeName(i))] as XmlSchemaType, set) is ({ } type, var s) ? (type, s) : null;
        }

        return true;
    }

    private void MarkFailed(IEnumerable<Configurable> members)
    {
        foreach (var member in members)
        {
            _compiled[member.Key] = null;
        }
    }

    private static string TypeName(int index) => "MonitoringHostModuleConfiguration" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Type names in declarations (<c>type="xsd:string"</c>) use prefixes declared on the pack's root.</summary>
    private static void DeclarePrefixes(XElement schemaRoot, XElement source)
    {
        foreach (var declaration in source.AncestorsAndSelf().SelectMany(e => e.Attributes()).Where(a => a.IsNamespaceDeclaration))
        {
            var prefix = declaration.Name.Namespace == XNamespace.None ? null : declaration.Name.LocalName;
            if (prefix is null || schemaRoot.Attribute(XNamespace.Xmlns + prefix) is not null)
            {
                continue;
            }

            schemaRoot.Add(new XAttribute(XNamespace.Xmlns + prefix, declaration.Value));
        }
    }

    private static XElement Clone(XElement element) => new(element);

    private static bool IsSubstituted(object? sender) => sender switch
    {
        XAttribute attribute => attribute.Value.Contains('$', StringComparison.Ordinal),
        XElement element => element.Nodes().OfType<XText>().Any(t => t.Value.Contains('$', StringComparison.Ordinal)),
        _ => false,
    };

    private static SourceLocation LocationOf(XElement element, ManagementPack pack) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? new SourceLocation(pack.SourcePath, info.LineNumber, info.LinePosition) : new SourceLocation(pack.SourcePath, 0, 0);
}
