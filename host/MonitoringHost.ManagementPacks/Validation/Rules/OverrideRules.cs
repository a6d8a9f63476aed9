using System.Globalization;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>Overrides point at existing workflows, modules and overrideable parameters, with values of the right type.</summary>
internal static class OverrideRules
{
    private static readonly string[] MonitorProperties =
        ["Enabled", "GenerateAlert", "AutoResolve", "AlertPriority", "AlertOnState", "AlertSeverity", "Algorithm", "AlgorithmParameter", "MemberUnAvailable", "MemberInMaintenance", "IgnoreMemberInMaintenance"];

    public static void Check(ValidationContext context)
    {
        foreach (var (pack, element) in context.Packs.All<Override>())
        {
            context.ResolveClass(pack, element.Context, element.Location, element.Id, "the override context");
            if (element.ContextInstance is { } instance && !Guid.TryParse(instance, out _))
            {
                context.Error(ProblemCodes.OverrideContextInstanceInvalid, $"ContextInstance '{instance}' is not an object id (a GUID)", element.Location, pack, element.Id);
            }

            var kinds = Kinds(element.OverrideKind);
            if (kinds.Length == 0 || element.Element is not { } targetRef)
            {
                continue;
            }

            var target = context.Resolve(pack, targetRef, element.Location, element.Id, "the overridden element", kinds);
            if (target is not { } resolved)
            {
                continue;
            }

            if (element.Parameter is not null)
            {
                CheckParameter(context, pack, element, resolved);
            }
            else if (element.Property is { } property)
            {
                CheckProperty(context, pack, element, resolved.Element, property);
            }
        }
    }

    private static ElementKind[] Kinds(OverrideKind kind) => kind switch
    {
        OverrideKind.RulePropertyOverride or OverrideKind.RuleConfigurationOverride => [ElementKind.Rule],
        OverrideKind.MonitorPropertyOverride or OverrideKind.MonitorConfigurationOverride => ValidationContext.MonitorKinds,
        OverrideKind.DiscoveryPropertyOverride or OverrideKind.DiscoveryConfigurationOverride => [ElementKind.Discovery],
        OverrideKind.DiagnosticPropertyOverride or OverrideKind.DiagnosticConfigurationOverride => [ElementKind.Diagnostic],
        OverrideKind.RecoveryPropertyOverride or OverrideKind.RecoveryConfigurationOverride => [ElementKind.Recovery],
        OverrideKind.SecureReferenceOverride => [ElementKind.SecureReference],
        _ => [],
    };

    private static void CheckParameter(ValidationContext context, ManagementPack pack, Override element, ResolvedElement<ManagementPackElement> target)
    {
        IEnumerable<OverrideableParameter>? parameters;
        string owner;
        if (target.Element is UnitMonitor monitor)
        {
            var type = context.Packs.Find<UnitMonitorType>(target.Pack, monitor.TypeId);
            parameters = type?.Element.OverrideableParameters;
            owner = monitor.TypeId;
        }
        else if (target.Element is Workflow workflow)
        {
            var module = workflow.Modules.FirstOrDefault(m => m.Id == element.Module);
            if (module is null)
            {
                context.Error(
                    ProblemCodes.OverrideModuleNotFound,
                    $"the override names module '{element.Module}', but {workflow.Id} has the modules {string.Join(", ", workflow.Modules.Select(m => m.Id))}",
                    element.Location,
                    pack,
                    element.Id);
                return;
            }

            parameters = context.Packs.Find<ModuleType>(target.Pack, module.TypeId)?.Element.OverrideableParameters;
            owner = module.TypeId;
        }
        else
        {
            return;
        }

        if (parameters is null)
        {
            return; // the type itself does not resolve: reported on the workflow
        }

        var parameter = parameters.FirstOrDefault(p => p.Id == element.Parameter);
        if (parameter is null)
        {
            context.Error(
                ProblemCodes.OverrideParameterNotFound,
                $"'{element.Parameter}' is not an overrideable parameter of {owner} (it has: {string.Join(", ", parameters.Select(p => p.Id))})",
                element.Location,
                pack,
                element.Id);
            return;
        }

        if (element.Value is { } value && !Fits(parameter.ParameterType, value))
        {
            context.Error(ProblemCodes.OverrideValueInvalid, $"the value '{value}' is not a valid {parameter.ParameterType} for '{parameter.Id}'", element.Location, pack, element.Id);
        }
    }

    private static void CheckProperty(ValidationContext context, ManagementPack pack, Override element, ManagementPackElement target, string property)
    {
        var allowed = target is Model.Monitor ? MonitorProperties : ["Enabled"];
        if (!allowed.Contains(property))
        {
            context.Error(ProblemCodes.OverridePropertyInvalid, $"'{property}' cannot be overridden on a {ValidationContext.KindName(target.Kind)}; use one of {string.Join(", ", allowed)}", element.Location, pack, element.Id);
            return;
        }

        var valid = property switch
        {
            "Enabled" => element.Value is "true" or "false" or "onEssentialMonitoring" or "onStandardMonitoring",
            "GenerateAlert" or "AutoResolve" or "IgnoreMemberInMaintenance" => bool.TryParse(element.Value, out _),
            "AlertPriority" => element.Value is "Low" or "Normal" or "High",
            "AlertOnState" => element.Value is "Warning" or "Error",
            "AlertSeverity" => element.Value is "Information" or "Warning" or "Error" or "MatchMonitorHealth",
            "Algorithm" => element.Value is "WorstOf" or "BestOf" or "Percentage",
            "AlgorithmParameter" => Fits("double", element.Value ?? ""),
            _ => element.Value is "Uninitialized" or "Success" or "Warning" or "Error",
        };
        if (!valid)
        {
            context.Error(ProblemCodes.OverrideValueInvalid, $"the value '{element.Value}' is not valid for the property {property}", element.Location, pack, element.Id);
        }
    }

    private static bool Fits(string parameterType, string value) => parameterType switch
    {
        "int" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        "decimal" or "double" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "bool" => bool.TryParse(value, out _),
        "datetime" => DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        _ => true,
    };
}
