using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>Discoveries, rules, tasks, diagnostics and recoveries: targets, modules, data flow, declared types.</summary>
internal static class WorkflowRules
{
    public static void Check(ValidationContext context)
    {
        var discoveryData = context.Packs["System.Library"] is { } system ? context.Packs.Find<DataType>(system, "System.Discovery.Data") : null;
        foreach (var workflow in context.Packs.All<Workflow>())
        {
            var (pack, element) = (workflow.Pack, workflow.Element);
            context.ResolveClass(pack, element.Settings.Target, element.Location, element.Id, "the target");
            if (element.Settings.RunAs is { } runAs)
            {
                context.Resolve(pack, runAs, element.Location, element.Id, "the RunAs profile", ElementKind.SecureReference);
            }

            switch (element)
            {
                case Discovery discovery:
                    CheckDiscovery(context, pack, discovery, discoveryData);
                    break;
                case Rule rule:
                    CheckRule(context, pack, rule);
                    break;
                case MonitoringTask task:
                    CheckRole(context, pack, task.Id, task.Module, ModuleRole.ProbeAction, ModuleRole.WriteAction);
                    ModuleFlow.Resolve(context, pack, task.Module, task.Id);
                    break;
                case Diagnostic diagnostic:
                    context.Resolve(pack, diagnostic.Monitor, diagnostic.Location, diagnostic.Id, "the monitor", ValidationContext.MonitorKinds);
                    CheckState(context, pack, diagnostic.Id, diagnostic.ExecuteOnState, diagnostic.Location);
                    ModuleFlow.Resolve(context, pack, diagnostic.ProbeAction, diagnostic.Id);
                    break;
                case Recovery recovery:
                    context.Resolve(pack, recovery.Monitor, recovery.Location, recovery.Id, "the monitor", ValidationContext.MonitorKinds);
                    CheckState(context, pack, recovery.Id, recovery.ExecuteOnState, recovery.Location);
                    if (recovery.ExecuteOnDiagnostic is { } diagnosticRef)
                    {
                        context.Resolve(pack, diagnosticRef, recovery.Location, recovery.Id, "the diagnostic to run after", ElementKind.Diagnostic);
                    }

                    ModuleFlow.Resolve(context, pack, recovery.WriteAction, recovery.Id);
                    break;
            }
        }
    }

    private static void CheckDiscovery(ValidationContext context, ManagementPack pack, Discovery discovery, ResolvedElement<DataType>? discoveryData)
    {
        foreach (var declared in discovery.DiscoveryTypes)
        {
            var kind = declared.IsRelationship ? ElementKind.RelationshipType : ElementKind.ClassType;
            var type = context.Resolve(pack, declared.TypeId, declared.Location, discovery.Id, "the discovered type", kind);
            if (type is { Element: ClassType } found)
            {
                var classType = new ResolvedElement<ClassType>(found.Pack, (ClassType)found.Element);
                foreach (var property in declared.PropertyIds.Where(p => context.Packs.FindProperty(classType, p) is null))
                {
                    context.Error(ProblemCodes.UnknownPropertyReference, $"the discovered property '{property}' is not a property of {declared.TypeId} or its bases", declared.Location, pack, discovery.Id);
                }
            }
        }

        CheckRole(context, pack, discovery.Id, discovery.DataSource, ModuleRole.DataSource);
        if (ModuleFlow.Resolve(context, pack, discovery.DataSource, discovery.Id) is { } source
            && ModuleFlow.OutputType(context, source) is { } output && discoveryData is { } expected
            && !context.Packs.IsAssignable(output, expected))
        {
            context.Error(
                ProblemCodes.DiscoveryOutputNotDiscoveryData,
                $"a discovery's data source must output System.Discovery.Data, but {source.Element.Id} outputs {output.Element.Id}",
                discovery.DataSource.Location,
                pack,
                discovery.Id);
        }
    }

    private static void CheckRule(ValidationContext context, ManagementPack pack, Rule rule)
    {
        var outputs = new List<(CompositionNode Node, ResolvedElement<DataType>? Type)>();
        foreach (var source in rule.DataSources)
        {
            CheckRole(context, pack, rule.Id, source, ModuleRole.DataSource);
            var type = ModuleFlow.Resolve(context, pack, source, rule.Id);
            outputs.Add((Node(source), type is { } t ? ModuleFlow.OutputType(context, t) : null));
        }

        if (rule.ConditionDetection is { } condition)
        {
            CheckRole(context, pack, rule.Id, condition, ModuleRole.ConditionDetection);
            if (ModuleFlow.Resolve(context, pack, condition, rule.Id) is { } cd)
            {
                var inputs = ModuleFlow.InputTypes(context, cd);
                for (var i = 0; i < outputs.Count; i++)
                {
                    ModuleFlow.CheckFits(context, pack, rule.Id, outputs[i].Node, outputs[i].Type, condition.Id, cd, inputs.Count == outputs.Count ? [inputs[i]] : inputs);
                }

                outputs = [(Node(condition), ModuleFlow.OutputType(context, cd))];
            }
            else
            {
                outputs.Clear();
            }
        }

        foreach (var action in rule.WriteActions)
        {
            CheckRole(context, pack, rule.Id, action, ModuleRole.WriteAction);
            if (ModuleFlow.Resolve(context, pack, action, rule.Id) is { } wa)
            {
                var inputs = ModuleFlow.InputTypes(context, wa);
                foreach (var (node, type) in outputs)
                {
                    ModuleFlow.CheckFits(context, pack, rule.Id, node, type, action.Id, wa, inputs);
                }
            }
        }
    }

    private static CompositionNode Node(ModuleUsage usage) => new(usage.Id, [], usage.Location);

    private static void CheckRole(ValidationContext context, ManagementPack pack, string ownerId, ModuleUsage usage, params ModuleRole[] allowed)
    {
        if (!allowed.Contains(usage.Role))
        {
            context.Error(ProblemCodes.ModuleRoleMismatch, $"a {usage.Role} cannot be used here; expected {string.Join(" or ", allowed)}", usage.Location, pack, ownerId);
        }
    }

    internal static void CheckState(ValidationContext context, ManagementPack pack, string ownerId, string? state, SourceLocation where)
    {
        if (state is not null && state is not ("Success" or "Warning" or "Error"))
        {
            context.Error(ProblemCodes.InvalidHealthState, $"the health state '{state}' must be Success, Warning or Error", where, pack, ownerId);
        }
    }
}
