using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>Module types and unit monitor types: data types, schemas, selectors, compositions, detections.</summary>
internal static class ModuleTypeRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var type in context.Packs.All<ModuleType>())
        {
            CheckModuleType(context, type);
        }

        foreach (var type in context.Packs.All<UnitMonitorType>())
        {
            CheckMonitorType(context, type);
        }
    }

    private static void CheckModuleType(ValidationContext context, ResolvedElement<ModuleType> resolved)
    {
        var (pack, type) = (resolved.Pack, resolved.Element);
        var inputs = type.InputTypes.Select(i => context.ResolveDataType(pack, i, type.Location, type.Id, "the input type")).ToList();
        var output = context.ResolveDataType(pack, type.OutputType, type.Location, type.Id, "the output type");
        if (type.RunAs is { } runAs)
        {
            context.Resolve(pack, runAs, type.Location, type.Id, "the RunAs profile", ElementKind.SecureReference);
        }

        CheckSchemaAndSelectors(context, pack, type, type.Configuration, type.OverrideableParameters);
        if (type.Implementation is not CompositeImplementation composite)
        {
            return;
        }

        var members = ModuleFlow.Members(context, pack, type.Id, composite.Members);
        ModuleFlow.CheckConfigReferences(context, pack, type.Id, type.Configuration, composite.Members);
        var used = new HashSet<string>(StringComparer.Ordinal);
        ModuleFlow.CheckComposition(context, pack, type.Id, members, composite.Composition, inputs.FirstOrDefault(), output, used);
        ReportUnused(context, pack, type.Id, composite.Members, used);
    }

    private static void CheckMonitorType(ValidationContext context, ResolvedElement<UnitMonitorType> resolved)
    {
        var (pack, type) = (resolved.Pack, resolved.Element);
        CheckSchemaAndSelectors(context, pack, type, type.Configuration, type.OverrideableParameters);
        var members = ModuleFlow.Members(context, pack, type.Id, type.Members);
        ModuleFlow.CheckConfigReferences(context, pack, type.Id, type.Configuration, type.Members);
        var states = type.States.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detection in type.RegularDetections.Concat(type.OnDemandDetections))
        {
            if (!states.Contains(detection.MonitorTypeStateId))
            {
                context.Error(
                    ProblemCodes.UnknownDetectionState,
                    $"the detection leads to the state '{detection.MonitorTypeStateId}', which is not one of the type's MonitorTypeStates ({string.Join(", ", states)})",
                    detection.Location,
                    pack,
                    type.Id);
            }

            ModuleFlow.CheckComposition(context, pack, type.Id, members, [detection.Root], null, null, used);
        }

        ReportUnused(context, pack, type.Id, type.Members, used);
    }

    private static void CheckSchemaAndSelectors(
        ValidationContext context,
        ManagementPack pack,
        ManagementPackElement type,
        ModuleConfigurationSchema schema,
        IEnumerable<OverrideableParameter> parameters)
    {
        var declared = schema.ElementNames.ToHashSet(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var path = parameter.Selector.Trim().TrimStart('$').TrimEnd('$');
            var first = path.StartsWith("Config/", StringComparison.Ordinal) ? path["Config/".Length..].Split('/')[0] : null;
            if (first is null || !declared.Contains(first))
            {
                context.Error(
                    ProblemCodes.SelectorNotInConfiguration,
                    $"the overrideable parameter '{parameter.Id}' selects '{parameter.Selector}', which is not an element of the configuration ({string.Join(", ", declared)})",
                    parameter.Location,
                    pack,
                    type.Id);
            }
        }

        // Compiles the schema (and reports it if it is not valid XSD) even when nothing uses the type yet.
        context.Schemas.Compile(pack, type, schema);
    }

    private static void ReportUnused(ValidationContext context, ManagementPack pack, string ownerId, IEnumerable<ModuleUsage> members, HashSet<string> used)
    {
        foreach (var member in members.Where(m => !used.Contains(m.Id)))
        {
            context.Warning(ProblemCodes.UnusedMemberModule, $"member module '{member.Id}' is not part of any composition or detection", member.Location, pack, ownerId);
        }
    }
}
