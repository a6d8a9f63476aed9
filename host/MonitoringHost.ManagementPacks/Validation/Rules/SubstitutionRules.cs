using System.Text.RegularExpressions;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>
/// <c>$MPElement[Name="…"]$</c> tokens resolve, and the properties that <c>$MPElement[…]/Prop$</c> and
/// <c>$Target/…Property[Type="…"]/Prop$</c> name exist on their class, in every configuration a workflow or type holds.
/// </summary>
internal static partial class SubstitutionRules
{
    [GeneratedRegex(@"\$MPElement\[Name=[""'](?<name>[^""']+)[""']\](?:/(?<property>[A-Za-z0-9_.]+))?\$")]
    private static partial Regex MPElementToken();

    [GeneratedRegex(@"\$Target/(?:Host/)*Property\[Type=[""'](?<type>[^""']+)[""']\]/(?<property>[A-Za-z0-9_.]+)\$")]
    private static partial Regex TargetPropertyToken();

    public static void Check(ValidationContext context)
    {
        foreach (var pack in context.Packs.Packs)
        {
            foreach (var element in pack.Elements)
            {
                foreach (var root in Configurations(element))
                {
                    foreach (var (text, where) in ModuleFlow.Texts(root, pack))
                    {
                        CheckText(context, pack, element.Id, text, where);
                    }
                }

                if (element is Model.Monitor { AlertSettings: { } alert })
                {
                    for (var i = 0; i < alert.AlertParameters.Length; i++)
                    {
                        CheckText(context, pack, element.Id, alert.AlertParameters[i], alert.ParameterLocation(i));
                    }
                }
            }
        }
    }

    private static IEnumerable<System.Xml.Linq.XElement> Configurations(ManagementPackElement element) => element switch
    {
        Workflow workflow and UnitMonitor unit => [.. workflow.Modules.Select(m => m.Configuration), unit.Configuration],
        Workflow workflow => workflow.Modules.Select(m => m.Configuration),
        ModuleType { Implementation: CompositeImplementation composite } => composite.Members.Select(m => m.Configuration),
        UnitMonitorType monitorType => monitorType.Members.Select(m => m.Configuration),
        _ => [],
    };

    private static void CheckText(ValidationContext context, ManagementPack pack, string ownerId, string text, SourceLocation where)
    {
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match match in MPElementToken().Matches(text))
        {
            var name = match.Groups["name"].Value;
            var element = context.Packs.Find(pack, name);
            if (element is null && ReferencesMissingPack(context, pack, name))
            {
                continue; // reported once, on the manifest reference
            }

            if (element is null)
            {
                context.Error(ProblemCodes.UnresolvedMPElementToken, $"'{match.Value}' does not resolve: no element '{name}' {Where(context, pack, name)}", where, pack, ownerId);
                continue;
            }

            if (match.Groups["property"].Success)
            {
                CheckProperty(context, pack, ownerId, match.Value, element.Value, match.Groups["property"].Value, where);
            }
        }

        foreach (Match match in TargetPropertyToken().Matches(text))
        {
            var type = context.Packs.Find(pack, match.Groups["type"].Value);
            if (type is null && ReferencesMissingPack(context, pack, match.Groups["type"].Value))
            {
                continue;
            }

            if (type is null)
            {
                context.Error(ProblemCodes.UnresolvedMPElementToken, $"'{match.Value}' names the class '{match.Groups["type"].Value}', which does not resolve {Where(context, pack, match.Groups["type"].Value)}", where, pack, ownerId);
                continue;
            }

            CheckProperty(context, pack, ownerId, match.Value, type.Value, match.Groups["property"].Value, where);
        }
    }

    private static void CheckProperty(ValidationContext context, ManagementPack pack, string ownerId, string token, ResolvedElement<ManagementPackElement> element, string property, SourceLocation where)
    {
        if (element.Element is not ClassType classType)
        {
            context.Error(ProblemCodes.UnknownPropertyReference, $"'{token}' reads a property of {element.Element.Id}, which is a {ValidationContext.KindName(element.Element.Kind)}, not a class", where, pack, ownerId);
            return;
        }

        var resolved = new ResolvedElement<ClassType>(element.Pack, classType);
        if (context.Packs.FindProperty(resolved, property) is null && !IsSystemField(property))
        {
            context.Error(ProblemCodes.UnknownPropertyReference, $"'{token}': {classType.Id} and its bases have no property '{property}'", where, pack, ownerId);
        }
    }

    private static bool ReferencesMissingPack(ValidationContext context, ManagementPack pack, string reference)
    {
        var alias = ElementReference.Parse(reference).Alias;
        return alias is not null && context.Packs.PackForAlias(pack, alias) is null
            && (pack.Manifest.References.Any(r => r.Alias == alias) || pack.Manifest.UnmappedAliases.Contains(alias));
    }

    /// <summary>Every object has these, whatever its class declares.</summary>
    private static bool IsSystemField(string property) => property is "DisplayName" or "Id" or "Name" or "Path" or "FullName";

    private static string Where(ValidationContext context, ManagementPack pack, string reference)
    {
        var parsed = ElementReference.Parse(reference);
        return context.Packs.PackForAlias(pack, parsed.Alias) is { } target ? $"in {(target == pack ? "this pack" : target.Id)}" : $"(the alias '{parsed.Alias}' is not declared)";
    }
}
