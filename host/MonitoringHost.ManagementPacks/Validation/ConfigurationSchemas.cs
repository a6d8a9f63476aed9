using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation;

/// <summary>
/// Validates module and monitor configurations against their type's <c>&lt;Configuration&gt;</c> XSD. The declared
/// elements become one complex type (with the included schema types as global definitions), compiled once per type.
/// Values holding <c>$…$</c> substitutions cannot be typed before run time, so type errors on them are not errors;
/// names, order and required elements still are.
/// </summary>
internal sealed class ConfigurationSchemas(ValidationContext context)
{
    private const string ConfigurationTypeName = "MonitoringHostModuleConfiguration";
    private readonly Dictionary<string, (XmlSchemaType Type, XmlSchemaSet Set)?> _sets = new(StringComparer.Ordinal);

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
        var compiled = Compile(typePack, type, schema);
        if (compiled is null)
        {
            return;
        }

        var schemaSet = compiled.Value.Set;
        configuration.Validate(compiled.Value.Type, schemaSet, (sender, e) =>
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
        var key = typePack.Id + "!" + type.Id;
        if (_sets.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = Build(typePack, type, schema);
        _sets[key] = result;
        return result;
    }

    private (XmlSchemaType Type, XmlSchemaSet Set)? Build(ManagementPack typePack, ManagementPackElement type, ModuleConfigurationSchema schema)
    {
        var root = new XElement(
            Xsd.Schema,
            new XAttribute(XNamespace.Xmlns + "xsd", Xsd.Namespace.NamespaceName),
            new XAttribute("elementFormDefault", "unqualified"));
        var where = schema.Element is null ? type.Location : LocationOf(schema.Element, typePack);

        foreach (var included in schema.IncludedSchemaTypes)
        {
            var schemaType = context.Resolve<SchemaType>(typePack, included, where, type.Id, "included schema type", ElementKind.SchemaType);
            if (schemaType is null)
            {
                return null;
            }

            DeclarePrefixes(root, schemaType.Value.Element.Definitions);
            root.Add(schemaType.Value.Element.Definitions.Elements().Select(Clone));
        }

        var declarations = schema.Element?.Elements().Where(e => e.Name.Namespace == Xsd.Namespace).ToList() ?? [];
        if (schema.Element is not null)
        {
            DeclarePrefixes(root, schema.Element);
        }

        root.Add(new XElement(
            Xsd.Namespace + "complexType",
            new XAttribute("name", ConfigurationTypeName),
            new XElement(Xsd.Namespace + "sequence", declarations.Select(Clone)),
            new XElement(Xsd.Namespace + "anyAttribute", new XAttribute("processContents", "skip"))));

        var set = new XmlSchemaSet { XmlResolver = null };
        var failed = false;
        set.ValidationEventHandler += (_, e) =>
        {
            failed |= e.Severity == XmlSeverityType.Error;
            if (e.Severity == XmlSeverityType.Error)
            {
                context.Error(ProblemCodes.ConfigurationSchemaInvalid, $"the configuration schema of {type.Id} is not valid XSD: {e.Message}", where, typePack, type.Id);
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
            context.Error(ProblemCodes.ConfigurationSchemaInvalid, $"the configuration schema of {type.Id} is not valid XSD: {e.Message}", where, typePack, type.Id);
            return null;
        }

        if (failed || set.GlobalTypes[new XmlQualifiedName(ConfigurationTypeName)] is not XmlSchemaType compiledType)
        {
            return null;
        }

        return (compiledType, set);
    }

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
