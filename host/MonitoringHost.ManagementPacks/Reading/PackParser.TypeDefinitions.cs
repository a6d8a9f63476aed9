using System.Collections.Immutable;
using System.Globalization;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;

namespace MonitoringHost.ManagementPacks.Reading;

internal sealed partial class PackParser
{
    private static readonly HashSet<string> KnownPropertyAttributes =
        ["ID", "Type", "Key", "CaseSensitive", "MaxLength", "Required", "DefaultValue"];

    private void ParseTypeDefinitions(XElement section)
    {
        foreach (var group in section.Elements())
        {
            switch (group.Name.LocalName)
            {
                case "EntityTypes":
                    ParseEntityTypes(group);
                    break;
                case "DataTypes":
                    ForEach(group, "DataType", ParseDataType);
                    break;
                case "SchemaTypes":
                    ForEach(group, "SchemaType", e => new SchemaType(Required(e, "ID"), Access(e), Loc(e), e));
                    break;
                case "SecureReferences":
                    ForEach(group, "SecureReference", e => new SecureReference(Required(e, "ID"), Access(e), Loc(e), Optional(e, "Context")));
                    break;
                case "ModuleTypes":
                    ParseModuleTypes(group);
                    break;
                case "MonitorTypes":
                    ForEach(group, "UnitMonitorType", ParseUnitMonitorType);
                    break;
                default:
                    KeepOpaqueChildren(group);
                    break;
            }
        }
    }

    /// <summary>Parses each child named <paramref name="name"/>; any other child is kept as opaque XML.</summary>
    private void ForEach(XElement group, string name, Func<XElement, ManagementPackElement?> parse)
    {
        foreach (var element in group.Elements())
        {
            if (element.Name.LocalName != name)
            {
                KeepOpaque(group.Name.LocalName, element);
                continue;
            }

            if (parse(element) is { } parsed)
            {
                Elements.Add(parsed);
            }
        }
    }

    private void ParseEntityTypes(XElement group)
    {
        foreach (var list in group.Elements())
        {
            switch (list.Name.LocalName)
            {
                case "ClassTypes":
                    ForEach(list, "ClassType", ParseClassType);
                    break;
                case "RelationshipTypes":
                    ForEach(list, "RelationshipType", ParseRelationshipType);
                    break;
                case "EnumerationTypes":
                    ForEach(list, "EnumerationValue", e => new EnumerationType(
                        Required(e, "ID"), Access(e), Loc(e), Optional(e, "Parent"), ParseOrdinal(e)));
                    break;
                default:
                    KeepOpaqueChildren(list);
                    break;
            }
        }
    }

    private double? ParseOrdinal(XElement element)
    {
        var text = Optional(element, "Ordinal");
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ordinal))
        {
            return ordinal;
        }

        Error(Problems.ProblemCodes.InvalidValue, $"Ordinal must be a number, not '{text}'", element, IdOf(element));
        return null;
    }

    private ClassType ParseClassType(XElement element)
    {
        var id = Required(element, "ID");
        var properties = element.Elements("Property").Select(p => new ClassProperty(
            Required(p, "ID", id),
            Optional(p, "Type") ?? "string",
            Bool(p, "Key", false),
            Bool(p, "CaseSensitive", false),
            Int(p, "MaxLength"),
            Bool(p, "Required", false),
            Optional(p, "DefaultValue"),
            p.Attributes()
                .Where(a => !KnownPropertyAttributes.Contains(a.Name.LocalName))
                .ToImmutableDictionary(a => a.Name.LocalName, a => a.Value, StringComparer.Ordinal),
            Loc(p))).ToImmutableArray();

        return new ClassType(
            id,
            Access(element),
            Loc(element),
            Optional(element, "Base"),
            Bool(element, "Abstract", false),
            Bool(element, "Hosted", false),
            Bool(element, "Singleton", false),
            Bool(element, "Extension", false),
            properties);
    }

    private RelationshipType ParseRelationshipType(XElement element)
    {
        var id = Required(element, "ID");
        return new RelationshipType(
            id,
            Access(element),
            Loc(element),
            Optional(element, "Base"),
            Bool(element, "Abstract", false),
            ParseEndpoint(element, "Source", id),
            ParseEndpoint(element, "Target", id));
    }

    /// <summary>Both syntaxes: 2.0's <c>&lt;Source ID="x" Type="C"/&gt;</c> and 1.x's <c>&lt;Source&gt;C&lt;/Source&gt;</c>.</summary>
    private RelationshipEndpoint ParseEndpoint(XElement relationship, string name, string id)
    {
        var endpoint = relationship.Element(name);
        if (endpoint is null)
        {
            Error(Problems.ProblemCodes.MissingRequired, $"<RelationshipType> needs a <{name}>", relationship, id);
            return new RelationshipEndpoint(null, "", null, null, Loc(relationship));
        }

        var type = Optional(endpoint, "Type") ?? endpoint.Value.Trim();
        if (type.Length == 0)
        {
            Error(Problems.ProblemCodes.MissingRequired, $"<{name}> of the relationship names no class", endpoint, id);
        }

        return new RelationshipEndpoint(Optional(endpoint, "ID"), type, Int(endpoint, "MinCardinality"), Int(endpoint, "MaxCardinality"), Loc(endpoint));
    }

    private DataType ParseDataType(XElement element) =>
        new(Required(element, "ID"), Access(element), Loc(element), Optional(element, "Base"), Bool(element, "Abstract", false));

    private void ParseModuleTypes(XElement group)
    {
        foreach (var element in group.Elements())
        {
            ModuleRole? role = element.Name.LocalName switch
            {
                "DataSourceModuleType" => ModuleRole.DataSource,
                "ProbeActionModuleType" => ModuleRole.ProbeAction,
                "ConditionDetectionModuleType" => ModuleRole.ConditionDetection,
                "WriteActionModuleType" => ModuleRole.WriteAction,
                _ => null,
            };
            if (role is null)
            {
                KeepOpaque(group.Name.LocalName, element);
                continue;
            }

            if (ParseModuleType(element, role.Value) is { } moduleType)
            {
                Elements.Add(moduleType);
            }
        }
    }

    private ModuleType? ParseModuleType(XElement element, ModuleRole role)
    {
        var id = Required(element, "ID");
        var implementation = ParseImplementation(element.Element("ModuleImplementation"), element, id);
        if (implementation is null)
        {
            return null;
        }

        var inputs = role == ModuleRole.ConditionDetection
            ? element.Element("InputTypes")?.Elements("InputType").Select(i => i.Value.Trim()).ToImmutableArray() ?? []
            : element.Elements("InputType").Select(i => i.Value.Trim()).ToImmutableArray();

        return new ModuleType(
            id,
            Access(element),
            Loc(element),
            role,
            ParseConfigurationSchema(element.Element("Configuration")),
            ParseOverrideableParameters(element),
            implementation,
            inputs,
            ChildText(element, "OutputType"))
        {
            RunAs = Optional(element, "RunAs"),
            Batching = Bool(element, "Batching", false),
            PassThrough = Bool(element, "PassThrough", false),
            Stateful = Bool(element, "Stateful", false),
            TriggerOnly = ChildBool(element, "TriggerOnly", false),
        };
    }

    private ModuleImplementation? ParseImplementation(XElement? implementation, XElement owner, string id)
    {
        if (implementation is null)
        {
            Error(Problems.ProblemCodes.MissingRequired, $"<{owner.Name.LocalName}> needs a <ModuleImplementation>", owner, id);
            return null;
        }

        var isolation = Optional(implementation, "Isolation") ?? "Any";
        if (implementation.Element("Composite") is { } composite)
        {
            return new CompositeImplementation(
                isolation,
                Loc(composite),
                ParseMemberModules(composite.Element("MemberModules")),
                composite.Element("Composition")?.Elements("Node").Select(ParseNode).ToImmutableArray() ?? []);
        }

        if (implementation.Element("Native") is { } native)
        {
            return new NativeImplementation(isolation, Loc(native), ChildText(native, "ClassID") ?? "");
        }

        if (implementation.Element("Managed") is { } managed)
        {
            return new ManagedImplementation(isolation, Loc(managed), ChildText(managed, "Assembly") ?? "", ChildText(managed, "Type") ?? "");
        }

        Error(Problems.ProblemCodes.MissingRequired, "<ModuleImplementation> needs one of <Composite>, <Native> or <Managed>", implementation, id);
        return null;
    }

    private CompositionNode ParseNode(XElement node) =>
        new(Required(node, "ID"), node.Elements("Node").Select(ParseNode).ToImmutableArray(), Loc(node));

    private ImmutableArray<ModuleUsage> ParseMemberModules(XElement? members) =>
        members?.Elements().Select(ParseModuleUsage).OfType<ModuleUsage>().ToImmutableArray() ?? [];

    private ModuleUsage? ParseModuleUsage(XElement element)
    {
        ModuleRole? role = element.Name.LocalName switch
        {
            "DataSource" => ModuleRole.DataSource,
            "ProbeAction" => ModuleRole.ProbeAction,
            "ConditionDetection" => ModuleRole.ConditionDetection,
            "WriteAction" => ModuleRole.WriteAction,
            _ => null,
        };
        if (role is null)
        {
            Error(Problems.ProblemCodes.InvalidValue, $"<{element.Name.LocalName}> is not a module; expected DataSource, ProbeAction, ConditionDetection or WriteAction", element, IdOf(element));
            return null;
        }

        return new ModuleUsage(Required(element, "ID"), role.Value, Required(element, "TypeID"), element, Loc(element))
        {
            RunAs = Optional(element, "RunAs"),
        };
    }

    private static ModuleConfigurationSchema ParseConfigurationSchema(XElement? configuration)
    {
        if (configuration is null)
        {
            return ModuleConfigurationSchema.Empty;
        }

        var included = configuration.Element("IncludeSchemaTypes")?.Elements("SchemaType").Select(s => s.Value.Trim()).ToImmutableArray() ?? [];
        return new ModuleConfigurationSchema(included, configuration);
    }

    private ImmutableArray<OverrideableParameter> ParseOverrideableParameters(XElement owner) =>
        owner.Element("OverrideableParameters")?.Elements("OverrideableParameter").Select(p => new OverrideableParameter(
            Required(p, "ID"),
            Required(p, "Selector"),
            Optional(p, "ParameterType") ?? "string",
            Loc(p))).ToImmutableArray() ?? [];

    private UnitMonitorType ParseUnitMonitorType(XElement element)
    {
        var id = Required(element, "ID");
        var implementation = element.Element("MonitorImplementation");
        if (implementation is null)
        {
            Error(Problems.ProblemCodes.MissingRequired, "<UnitMonitorType> needs a <MonitorImplementation>", element, id);
        }

        return new UnitMonitorType(
            id,
            Access(element),
            Loc(element),
            element.Element("MonitorTypeStates")?.Elements("MonitorTypeState")
                .Select(s => new MonitorTypeState(Required(s, "ID", id), Bool(s, "NoDetection", false), Loc(s))).ToImmutableArray() ?? [],
            ParseConfigurationSchema(element.Element("Configuration")),
            ParseOverrideableParameters(element),
            ParseMemberModules(implementation?.Element("MemberModules")),
            ParseDetections(implementation?.Element("RegularDetections"), "RegularDetection", id),
            ParseDetections(implementation?.Element("OnDemandDetections"), "OnDemandDetection", id));
    }

    private ImmutableArray<MonitorDetection> ParseDetections(XElement? detections, string name, string id)
    {
        var result = ImmutableArray.CreateBuilder<MonitorDetection>();
        foreach (var detection in detections?.Elements(name) ?? [])
        {
            var node = detection.Element("Node");
            if (node is null)
            {
                Error(Problems.ProblemCodes.MissingRequired, $"<{name}> needs a <Node>", detection, id);
                continue;
            }

            result.Add(new MonitorDetection(Required(detection, "MonitorTypeStateID", id), ParseNode(node), Loc(detection)));
        }

        return result.ToImmutable();
    }
}
