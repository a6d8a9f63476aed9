using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>
/// What composites, monitor types and workflows share: resolving a module usage to a type of the right role,
/// validating its configuration, and checking that data types fit along a composition.
/// </summary>
internal static partial class ModuleFlow
{
    private static readonly ElementKind[] ModuleKinds =
        [ElementKind.DataSourceModuleType, ElementKind.ProbeActionModuleType, ElementKind.ConditionDetectionModuleType, ElementKind.WriteActionModuleType];

    [GeneratedRegex(@"\$Config/(?<name>[A-Za-z0-9_.\-]+)")]
    private static partial Regex ConfigReference();

    /// <summary>Resolves a usage's module type, checks its role, and validates its configuration.</summary>
    public static ResolvedElement<ModuleType>? Resolve(ValidationContext context, ManagementPack pack, ModuleUsage usage, string ownerId)
    {
        var resolved = context.Resolve<ModuleType>(pack, usage.TypeId, usage.Location, ownerId, $"the module type of '{usage.Id}'", ModuleKinds);
        if (resolved is not { } type)
        {
            return null;
        }

        if (type.Element.Role != usage.Role)
        {
            context.Error(
                ProblemCodes.ModuleRoleMismatch,
                $"module '{usage.Id}' is declared as a {usage.Role} but {usage.TypeId} is a {ValidationContext.KindName(type.Element.Kind)}",
                usage.Location,
                pack,
                ownerId);
            return null;
        }

        if (usage.RunAs is { } runAs)
        {
            context.Resolve(pack, runAs, usage.Location, ownerId, $"the RunAs profile of '{usage.Id}'", ElementKind.SecureReference);
        }

        context.Schemas.Validate(type.Pack, type.Element, type.Element.Configuration, usage.Configuration, pack, ownerId, $"module '{usage.Id}'");
        return type;
    }

    /// <summary>Reports <c>$Config/X$</c> tokens in member configurations whose X the owning type does not declare.</summary>
    public static void CheckConfigReferences(ValidationContext context, ManagementPack pack, string ownerId, ModuleConfigurationSchema schema, IEnumerable<ModuleUsage> members)
    {
        var declared = schema.ElementNames.ToHashSet(StringComparer.Ordinal);
        foreach (var member in members)
        {
            foreach (var (text, where) in Texts(member.Configuration, pack))
            {
                foreach (Match match in ConfigReference().Matches(text))
                {
                    var name = match.Groups["name"].Value;
                    if (!declared.Contains(name))
                    {
                        context.Error(ProblemCodes.UnknownConfigReference, $"'$Config/{name}$' in module '{member.Id}' names no element of {ownerId}'s configuration", where, pack, ownerId);
                    }
                }
            }
        }
    }

    /// <summary>Every text and attribute value under an element, with where it is.</summary>
    public static IEnumerable<(string Text, SourceLocation Where)> Texts(System.Xml.Linq.XElement root, ManagementPack pack)
    {
        foreach (var element in root.DescendantsAndSelf())
        {
            var info = (System.Xml.IXmlLineInfo)element;
            var where = new SourceLocation(pack.SourcePath, info.LineNumber, info.LinePosition);
            foreach (var attribute in element.Attributes())
            {
                yield return (attribute.Value, where);
            }

            foreach (var text in element.Nodes().OfType<System.Xml.Linq.XText>())
            {
                yield return (text.Value, where);
            }
        }
    }

    /// <summary>
    /// Checks a composition tree: nodes name members, no node feeds itself, each child's output fits its parent's
    /// input, leaves take <paramref name="moduleInput"/>, and the outermost outputs fit <paramref name="expectedOutput"/>.
    /// </summary>
    public static void CheckComposition(
        ValidationContext context,
        ManagementPack pack,
        string ownerId,
        IReadOnlyDictionary<string, ResolvedElement<ModuleType>?> members,
        ImmutableArray<CompositionNode> roots,
        ResolvedElement<DataType>? moduleInput,
        ResolvedElement<DataType>? expectedOutput,
        HashSet<string> used)
    {
        foreach (var root in roots)
        {
            var output = Visit(root, []);
            if (output is { } produced && expectedOutput is { } expected && !context.Packs.IsAssignable(produced, expected))
            {
                context.Error(ProblemCodes.DataTypeMismatch, $"node '{root.Id}' outputs {produced.Element.Id}, but {ownerId} declares the output {expected.Element.Id}", root.Location, pack, ownerId);
            }
        }

        ResolvedElement<DataType>? Visit(CompositionNode node, List<string> ancestors)
        {
            if (!members.TryGetValue(node.Id, out var member))
            {
                context.Error(ProblemCodes.UnknownCompositionNode, $"node '{node.Id}' names no member module", node.Location, pack, ownerId);
                return null;
            }

            if (ancestors.Contains(node.Id))
            {
                context.Error(ProblemCodes.CompositionCycle, $"node '{node.Id}' feeds itself: {string.Join(" <- ", ancestors.Append(node.Id))}", node.Location, pack, ownerId);
                return null;
            }

            used.Add(node.Id);
            ancestors.Add(node.Id);
            var outputs = node.Children.Select(child => (child, Visit(child, ancestors))).ToList();
            ancestors.RemoveAt(ancestors.Count - 1);
            if (member is not { } type)
            {
                return null;
            }

            var inputs = InputTypes(context, type);
            if (node.Children.IsEmpty)
            {
                if (type.Element.Role != ModuleRole.DataSource && !type.Element.TriggerOnly && moduleInput is { } input && inputs.Count > 0
                    && !inputs.Any(i => context.Packs.IsAssignable(input, i)))
                {
                    context.Error(ProblemCodes.DataTypeMismatch, $"node '{node.Id}' ({type.Element.Id}) takes {Names(inputs)}, but the module's own input is {input.Element.Id}", node.Location, pack, ownerId);
                }
            }
            else if (!type.Element.TriggerOnly)
            {
                for (var i = 0; i < outputs.Count; i++)
                {
                    CheckFits(context, pack, ownerId, outputs[i].child, outputs[i].Item2, node.Id, type, inputs.Count == outputs.Count ? [inputs[i]] : inputs);
                }
            }

            return OutputType(context, type);
        }
    }

    public static void CheckFits(
        ValidationContext context,
        ManagementPack pack,
        string ownerId,
        CompositionNode producer,
        ResolvedElement<DataType>? produced,
        string consumerId,
        ResolvedElement<ModuleType> consumer,
        IReadOnlyList<ResolvedElement<DataType>> accepted)
    {
        if (produced is { } output && accepted.Count > 0 && !accepted.Any(a => context.Packs.IsAssignable(output, a)))
        {
            context.Error(
                ProblemCodes.DataTypeMismatch,
                $"'{producer.Id}' outputs {output.Element.Id}, which '{consumerId}' ({consumer.Element.Id}) cannot take: it takes {Names(accepted)}",
                producer.Location,
                pack,
                ownerId);
        }
    }

    public static List<ResolvedElement<DataType>> InputTypes(ValidationContext context, ResolvedElement<ModuleType> type) =>
        [.. type.Element.InputTypes.Select(i => context.Packs.Find<DataType>(type.Pack, i)).OfType<ResolvedElement<DataType>>()];

    public static ResolvedElement<DataType>? OutputType(ValidationContext context, ResolvedElement<ModuleType> type) =>
        type.Element.OutputType is { } output ? context.Packs.Find<DataType>(type.Pack, output) : null;

    private static string Names(IEnumerable<ResolvedElement<DataType>> types) => string.Join(" or ", types.Select(t => t.Element.Id));

    /// <summary>Resolves member modules by ID, reporting duplicates.</summary>
    public static Dictionary<string, ResolvedElement<ModuleType>?> Members(ValidationContext context, ManagementPack pack, string ownerId, ImmutableArray<ModuleUsage> members)
    {
        var result = new Dictionary<string, ResolvedElement<ModuleType>?>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (result.ContainsKey(member.Id))
            {
                context.Error(ProblemCodes.DuplicateMemberModule, $"the member module ID '{member.Id}' is used twice", member.Location, pack, ownerId);
                continue;
            }

            result[member.Id] = Resolve(context, pack, member, ownerId);
        }

        return result;
    }
}
