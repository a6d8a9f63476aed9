using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.ManagementPacks.Validation.Rules;

/// <summary>Monitors: types, configuration, every monitor type state mapped, parents, alert settings, rollup settings.</summary>
internal static class MonitorRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var monitor in context.Packs.All<Model.Monitor>())
        {
            var (pack, element) = (monitor.Pack, monitor.Element);
            CheckParent(context, pack, element);
            CheckAlertSettings(context, pack, element);
            switch (element)
            {
                case UnitMonitor unit:
                    CheckUnitMonitor(context, pack, unit);
                    break;
                case AggregateMonitor aggregate:
                    CheckValue(context, pack, aggregate.Id, "Algorithm", aggregate.Algorithm, aggregate.Location, "WorstOf", "BestOf");
                    break;
                case DependencyMonitor dependency:
                    context.Resolve(pack, dependency.RelationshipType, dependency.Location, dependency.Id, "the relationship type", ElementKind.RelationshipType);
                    context.Resolve(pack, dependency.MemberMonitor, dependency.Location, dependency.Id, "the member monitor", ValidationContext.MonitorKinds);
                    CheckValue(context, pack, dependency.Id, "Algorithm", dependency.Algorithm, dependency.Location, "WorstOf", "BestOf", "Percentage");
                    CheckRollupState(context, pack, dependency, dependency.MemberInMaintenance);
                    CheckRollupState(context, pack, dependency, dependency.MemberUnAvailable);
                    break;
            }
        }
    }

    private static void CheckUnitMonitor(ValidationContext context, ManagementPack pack, UnitMonitor monitor)
    {
        var resolved = context.Resolve<UnitMonitorType>(pack, monitor.TypeId, monitor.Location, monitor.Id, "the monitor type", ElementKind.UnitMonitorType);
        if (resolved is not { } type)
        {
            return;
        }

        context.Schemas.Validate(type.Pack, type.Element, type.Element.Configuration, monitor.Configuration, pack, monitor.Id, "the monitor");
        var states = type.Element.States.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var state in monitor.OperationalStates.Where(s => !states.Contains(s.MonitorTypeStateId)))
        {
            context.Error(
                ProblemCodes.UnknownOperationalState,
                $"operational state '{state.Id}' maps '{state.MonitorTypeStateId}', which is not a state of {monitor.TypeId} ({string.Join(", ", states)})",
                state.Location,
                pack,
                monitor.Id);
        }

        foreach (var state in type.Element.States.Where(s => monitor.OperationalStates.All(o => o.MonitorTypeStateId != s.Id)))
        {
            context.Error(
                ProblemCodes.UnmappedMonitorTypeState,
                $"the monitor type state '{state.Id}' of {monitor.TypeId} has no OperationalState, so the monitor's health in it would be undefined",
                monitor.Location,
                pack,
                monitor.Id);
        }
    }

    private static void CheckParent(ValidationContext context, ManagementPack pack, Model.Monitor monitor)
    {
        if (monitor.ParentMonitorId is not { } parentRef)
        {
            return;
        }

        var parent = context.Resolve<AggregateMonitor>(pack, parentRef, monitor.Location, monitor.Id, "the parent monitor", ElementKind.AggregateMonitor);
        var target = context.Packs.Find<ClassType>(pack, monitor.Settings.Target);
        if (parent is not { } p || target is not { } t || !context.Packs.HasCompleteBaseChain(t))
        {
            return;
        }

        var parentTarget = context.Packs.Find<ClassType>(p.Pack, p.Element.Settings.Target);
        if (parentTarget is { } pt && !context.Packs.ClassAndBases(t).Any(c => c.Key == pt.Key))
        {
            context.Error(
                ProblemCodes.ParentMonitorNotApplicable,
                $"the parent monitor {parentRef} targets {pt.Element.Id}, which is neither this monitor's target {t.Element.Id} nor one of its bases",
                monitor.Location,
                pack,
                monitor.Id);
        }
    }

    private static void CheckAlertSettings(ValidationContext context, ManagementPack pack, Model.Monitor monitor)
    {
        if (monitor.AlertSettings is not { } alert)
        {
            return;
        }

        if (alert.AlertMessage is { } message)
        {
            context.Resolve(pack, message, alert.Location, monitor.Id, "the alert message", ElementKind.StringResource);
        }

        if (alert.AlertOnState is { } onState)
        {
            CheckValue(context, pack, monitor.Id, "AlertOnState", onState, alert.LocationOf("AlertOnState"), "Warning", "Error");
        }

        CheckValue(context, pack, monitor.Id, "AlertPriority", alert.AlertPriority, alert.LocationOf("AlertPriority"), "Low", "Normal", "High");
        CheckValue(context, pack, monitor.Id, "AlertSeverity", alert.AlertSeverity, alert.LocationOf("AlertSeverity"), "Information", "Warning", "Error", "MatchMonitorHealth");
    }

    private static void CheckRollupState(ValidationContext context, ManagementPack pack, DependencyMonitor monitor, string? state)
    {
        if (state is not null)
        {
            CheckValue(context, pack, monitor.Id, "a member state", state, monitor.Location, "Uninitialized", "Success", "Warning", "Error");
        }
    }

    private static void CheckValue(ValidationContext context, ManagementPack pack, string ownerId, string what, string value, SourceLocation where, params string[] allowed)
    {
        if (!allowed.Contains(value))
        {
            context.Error(ProblemCodes.InvalidValue, $"{what} is '{value}'; it must be one of {string.Join(", ", allowed)}", where, pack, ownerId);
        }
    }
}
