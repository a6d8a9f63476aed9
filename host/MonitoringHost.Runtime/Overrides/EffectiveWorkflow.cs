using System.Collections.Immutable;
using System.Xml.Linq;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;

namespace MonitoringHost.Runtime.Overrides;

/// <summary>
/// A workflow as it runs for one object once its applicable overrides are applied: whether it is enabled, the
/// workflow element with overridden parameters written into its modules' (or monitor's) configuration at their
/// selectors, every overrideable setting with its value and who set it, and a signature that is equal for two
/// objects exactly when their effective workflows are (so one compilation serves both).
/// </summary>
public sealed record EffectiveWorkflow(bool Enabled, Workflow Element, IReadOnlyList<EffectiveSetting> Settings, string Signature)
{
    public static EffectiveWorkflow Resolve(PackSet packs, ManagementPack pack, Workflow workflow, IReadOnlyList<AppliedOverride> applicable)
    {
        ArgumentNullException.ThrowIfNull(packs);
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(applicable);
        var settings = new List<EffectiveSetting>();

        // Applicable overrides come least specific first: the last one naming a setting wins.
        var enabledBy = applicable.LastOrDefault(a => string.Equals(a.Element.Property, "Enabled", StringComparison.Ordinal) && IsPropertyOverride(a.Element.OverrideKind));
        var enabled = enabledBy is null ? workflow.Settings.IsEnabled : !string.Equals(enabledBy.Element.Value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        settings.Add(new EffectiveSetting(null, "Enabled", enabled ? "true" : "false", enabledBy?.Id, enabledBy?.Level, enabledBy?.Element.Enforced ?? false));

        var configurationOverrides = applicable.Where(a => IsConfigurationOverride(a.Element.OverrideKind) && a.Element.Parameter is not null).ToList();
        var changed = new List<string>();
        Workflow effective = workflow;
        switch (workflow)
        {
            case UnitMonitor monitor when packs.Find<UnitMonitorType>(pack, monitor.TypeId) is { } type:
                var configuration = Apply(monitor.Configuration, null, type.Element.OverrideableParameters, configurationOverrides, settings, changed);
                effective = monitor with { Configuration = configuration };
                break;
            case Rule or ManagementPacks.Model.Discovery:
                var replaced = new Dictionary<ModuleUsage, ModuleUsage>(ReferenceEqualityComparer.Instance);
                foreach (var usage in workflow.Modules)
                {
                    if (packs.Find<ModuleType>(pack, usage.TypeId) is { } moduleType)
                    {
                        var mine = configurationOverrides.Where(a => string.Equals(a.Element.Module, usage.Id, StringComparison.Ordinal)).ToList();
                        replaced[usage] = usage with { Configuration = Apply(usage.Configuration, usage.Id, moduleType.Element.OverrideableParameters, mine, settings, changed) };
                    }
                }

                effective = workflow switch
                {
                    Rule rule => rule with
                    {
                        DataSources = [.. rule.DataSources.Select(m => replaced.GetValueOrDefault(m, m))],
                        ConditionDetection = rule.ConditionDetection is { } cd ? replaced.GetValueOrDefault(cd, cd) : null,
                        WriteActions = [.. rule.WriteActions.Select(m => replaced.GetValueOrDefault(m, m))],
                    },
                    ManagementPacks.Model.Discovery discovery => discovery with { DataSource = replaced.GetValueOrDefault(discovery.DataSource, discovery.DataSource) },
                    _ => workflow,
                };
                break;
        }

        return new EffectiveWorkflow(enabled, changed.Count == 0 ? workflow : effective, settings, string.Join(";", changed));
    }

    private static bool IsPropertyOverride(OverrideKind kind) =>
        kind is OverrideKind.RulePropertyOverride or OverrideKind.MonitorPropertyOverride or OverrideKind.DiscoveryPropertyOverride;

    private static bool IsConfigurationOverride(OverrideKind kind) =>
        kind is OverrideKind.RuleConfigurationOverride or OverrideKind.MonitorConfigurationOverride or OverrideKind.DiscoveryConfigurationOverride;

    /// <summary>Writes each overridden parameter's value at its selector; lists every overrideable parameter.</summary>
    private static XElement Apply(
        XElement configuration,
        string? module,
        ImmutableArray<OverrideableParameter> parameters,
        List<AppliedOverride> overrides,
        List<EffectiveSetting> settings,
        List<string> changed)
    {
        var result = configuration;
        foreach (var parameter in parameters)
        {
            var path = SelectorPath(parameter.Selector);
            var winner = overrides.LastOrDefault(o => string.Equals(o.Element.Parameter, parameter.Id, StringComparison.Ordinal));
            if (winner is not null && path is not null)
            {
                result = result == configuration ? new XElement(configuration) : result;
                Set(result, path, winner.Element.Value ?? "");
                changed.Add($"{module}/{parameter.Id}={winner.Element.Value}");
            }

            settings.Add(new EffectiveSetting(module, parameter.Id, path is null ? null : Find(result, path)?.Value, winner?.Id, winner?.Level, winner?.Element.Enforced ?? false));
        }

        return result;
    }

    /// <summary><c>$Config/A/B$</c> → [A, B]; null for a selector that is not a <c>$Config</c> path.</summary>
    private static string[]? SelectorPath(string selector) =>
        selector.StartsWith("$Config/", StringComparison.Ordinal) && selector.EndsWith('$')
            ? selector["$Config/".Length..^1].Split('/', StringSplitOptions.RemoveEmptyEntries)
            : null;

    private static XElement? Find(XElement root, string[] path)
    {
        var current = root;
        foreach (var step in path)
        {
            current = current?.Elements().FirstOrDefault(e => e.Name.LocalName == step);
        }

        return current;
    }

    private static void Set(XElement root, string[] path, string value)
    {
        var current = root;
        foreach (var step in path)
        {
            var next = current.Elements().FirstOrDefault(e => e.Name.LocalName == step);
            if (next is null)
            {
                // An optional element the pack left out: the override supplies it.
                next = new XElement(current.Name.Namespace + step);
                current.Add(next);
            }

            current = next;
        }

        current.RemoveNodes();
        current.Value = value;
    }
}
