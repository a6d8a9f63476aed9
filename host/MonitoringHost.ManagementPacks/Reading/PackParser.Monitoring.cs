using System.Collections.Immutable;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Problems;

namespace MonitoringHost.ManagementPacks.Reading;

internal sealed partial class PackParser
{
    private void ParseMonitoring(XElement section)
    {
        foreach (var group in section.Elements())
        {
            switch (group.Name.LocalName)
            {
                case "Discoveries":
                    ForEach(group, "Discovery", ParseDiscovery);
                    break;
                case "Rules":
                    ForEach(group, "Rule", ParseRule);
                    break;
                case "Tasks":
                    ForEach(group, "Task", ParseTask);
                    break;
                case "Monitors":
                    ParseMonitors(group);
                    break;
                case "Diagnostics":
                    ForEach(group, "Diagnostic", ParseDiagnostic);
                    break;
                case "Recoveries":
                    ForEach(group, "Recovery", ParseRecovery);
                    break;
                case "Overrides":
                    ParseOverrides(group);
                    break;
                default:
                    KeepOpaqueChildren(group);
                    break;
            }
        }
    }

    private WorkflowSettings Settings(XElement element, string id) => new(
        Required(element, "Target", id),
        Optional(element, "Enabled") ?? "true",
        Bool(element, "Remotable", true),
        Optional(element, "Priority") ?? "Normal",
        Bool(element, "ConfirmDelivery", false),
        ChildText(element, "Category"),
        Optional(element, "RunAs"));

    private ModuleUsage? SingleModule(XElement workflow, string name, string id)
    {
        var element = workflow.Element(name);
        if (element is null)
        {
            Error(ProblemCodes.MissingRequired, $"<{workflow.Name.LocalName}> needs a <{name}>", workflow, id);
            return null;
        }

        return ParseModuleUsage(element);
    }

    private Discovery? ParseDiscovery(XElement element)
    {
        var id = Required(element, "ID");
        var dataSource = SingleModule(element, "DataSource", id);
        if (dataSource is null)
        {
            return null;
        }

        var types = element.Element("DiscoveryTypes")?.Elements().Select(t => new DiscoveryType(
            Required(t, "TypeID", id),
            t.Name.LocalName == "DiscoveryRelationship",
            t.Elements("Property").Select(p => Required(p, "PropertyID", id)).ToImmutableArray(),
            Loc(t))).ToImmutableArray() ?? [];

        return new Discovery(id, Access(element), Loc(element), Settings(element, id), types, dataSource);
    }

    private Rule? ParseRule(XElement element)
    {
        var id = Required(element, "ID");
        var dataSources = ParseMemberModules(element.Element("DataSources"));
        var writeActions = ParseMemberModules(element.Element("WriteActions"));
        if (dataSources.IsEmpty)
        {
            Error(ProblemCodes.MissingRequired, "<Rule> needs at least one <DataSource> in <DataSources>", element, id);
            return null;
        }

        if (writeActions.IsEmpty)
        {
            Error(ProblemCodes.MissingRequired, "<Rule> needs at least one <WriteAction> in <WriteActions>", element, id);
            return null;
        }

        var condition = element.Element("ConditionDetection") is { } cd ? ParseModuleUsage(cd) : null;
        return new Rule(id, Access(element), Loc(element), Settings(element, id), dataSources, condition, writeActions);
    }

    private MonitoringTask? ParseTask(XElement element)
    {
        var id = Required(element, "ID");
        var module = element.Element("ProbeAction") ?? element.Element("WriteAction");
        if (module is null)
        {
            Error(ProblemCodes.MissingRequired, "<Task> needs a <ProbeAction> or a <WriteAction>", element, id);
            return null;
        }

        return ParseModuleUsage(module) is { } usage
            ? new MonitoringTask(id, Access(element), Loc(element), Settings(element, id), Int(element, "Timeout"), usage)
            : null;
    }

    private void ParseMonitors(XElement group)
    {
        foreach (var element in group.Elements())
        {
            Model.Monitor? monitor = element.Name.LocalName switch
            {
                "UnitMonitor" => ParseUnitMonitor(element),
                "AggregateMonitor" => ParseAggregateMonitor(element),
                "DependencyMonitor" => ParseDependencyMonitor(element),
                _ => null,
            };
            if (monitor is not null)
            {
                Elements.Add(monitor);
            }
            else if (element.Name.LocalName is not ("UnitMonitor" or "AggregateMonitor" or "DependencyMonitor"))
            {
                KeepOpaque(group.Name.LocalName, element);
            }
        }
    }

    private UnitMonitor ParseUnitMonitor(XElement element)
    {
        var id = Required(element, "ID");
        var states = element.Element("OperationalStates")?.Elements("OperationalState").Select(s => new OperationalState(
            Required(s, "ID", id),
            Required(s, "MonitorTypeStateID", id),
            ParseHealthState(s, Required(s, "HealthState", id), id),
            Loc(s))).ToImmutableArray() ?? [];

        return new UnitMonitor(
            id,
            Access(element),
            Loc(element),
            Settings(element, id),
            Optional(element, "ParentMonitorID"),
            ParseAlertSettings(element.Element("AlertSettings")),
            Required(element, "TypeID"),
            states,
            element.Element("Configuration") ?? new XElement("Configuration"));
    }

    private HealthState ParseHealthState(XElement where, string text, string id)
    {
        if (text is "Success" or "Warning" or "Error")
        {
            return Enum.Parse<HealthState>(text);
        }

        if (text.Length > 0)
        {
            Error(ProblemCodes.InvalidHealthState, $"HealthState must be Success, Warning or Error, not '{text}'", where, id);
        }

        return HealthState.Uninitialized;
    }

    private AggregateMonitor ParseAggregateMonitor(XElement element)
    {
        var id = Required(element, "ID");
        return new AggregateMonitor(
            id,
            Access(element),
            Loc(element),
            Settings(element, id),
            Optional(element, "ParentMonitorID"),
            ParseAlertSettings(element.Element("AlertSettings")),
            ChildText(element, "Algorithm") ?? "WorstOf");
    }

    private DependencyMonitor ParseDependencyMonitor(XElement element)
    {
        var id = Required(element, "ID");
        double? parameter = null;
        if (ChildText(element, "AlgorithmParameter") is { } parameterText)
        {
            if (double.TryParse(parameterText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                parameter = value;
            }
            else
            {
                Error(ProblemCodes.InvalidValue, $"AlgorithmParameter must be a number, not '{parameterText}'", element.Element("AlgorithmParameter")!, id);
            }
        }

        return new DependencyMonitor(
            id,
            Access(element),
            Loc(element),
            Settings(element, id),
            Optional(element, "ParentMonitorID"),
            ParseAlertSettings(element.Element("AlertSettings")),
            Required(element, "RelationshipType"),
            Required(element, "MemberMonitor"),
            ChildText(element, "Algorithm") ?? "WorstOf",
            parameter,
            ChildText(element, "MemberInMaintenance"),
            ChildText(element, "MemberUnAvailable"));
    }

    private AlertSettings? ParseAlertSettings(XElement? settings)
    {
        if (settings is null)
        {
            return null;
        }

        var parameterElements = settings.Element("AlertParameters")?.Elements()
            .OrderBy(p => p.Name.LocalName.Length).ThenBy(p => p.Name.LocalName, StringComparer.Ordinal).ToList() ?? [];
        var parameters = parameterElements.Select(p => p.Value.Trim()).ToImmutableArray();
        var locations = settings.Elements().Concat(parameterElements)
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => Loc(g.First()), StringComparer.Ordinal);
        return new AlertSettings(
            Optional(settings, "AlertMessage"),
            ChildText(settings, "AlertOnState"),
            ChildBool(settings, "AutoResolve", false),
            ChildText(settings, "AlertPriority") ?? "Normal",
            ChildText(settings, "AlertSeverity") ?? "Error",
            parameters,
            Loc(settings))
        {
            ChildLocations = locations,
        };
    }

    private Diagnostic? ParseDiagnostic(XElement element)
    {
        var id = Required(element, "ID");
        return SingleModule(element, "ProbeAction", id) is { } probe
            ? new Diagnostic(id, Access(element), Loc(element), Settings(element, id), Required(element, "Monitor"), Optional(element, "ExecuteOnState"), probe)
            : null;
    }

    private Recovery? ParseRecovery(XElement element)
    {
        var id = Required(element, "ID");
        return SingleModule(element, "WriteAction", id) is { } action
            ? new Recovery(
                id,
                Access(element),
                Loc(element),
                Settings(element, id),
                Required(element, "Monitor"),
                Bool(element, "ResetMonitor", false),
                Optional(element, "ExecuteOnState"),
                Optional(element, "ExecuteOnDiagnostic") ?? ChildText(element, "ExecuteOnDiagnostic"),
                action)
            : null;
    }

    private void ParseOverrides(XElement group)
    {
        foreach (var element in group.Elements())
        {
            if (!Enum.TryParse<OverrideKind>(element.Name.LocalName, out var kind))
            {
                KeepOpaque(group.Name.LocalName, element);
                continue;
            }

            var id = Required(element, "ID");
            var target = Optional(element, "Rule") ?? Optional(element, "Monitor") ?? Optional(element, "Discovery")
                ?? Optional(element, "Diagnostic") ?? Optional(element, "Recovery") ?? Optional(element, "SecureReference");
            Elements.Add(new Override(
                id,
                Access(element),
                Loc(element),
                kind,
                Required(element, "Context"),
                Optional(element, "ContextInstance"),
                Bool(element, "Enforced", false),
                target,
                Optional(element, "Module"),
                Optional(element, "Parameter"),
                Optional(element, "Property"),
                ChildText(element, "Value")));
        }
    }
}
