using System.Collections.Frozen;
using MonitoringHost.ManagementPacks.Model;
using MonitoringHost.ManagementPacks.Resolution;
using MonitorElement = MonitoringHost.ManagementPacks.Model.Monitor;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// The monitors and rules of one pack set as alerts need them: a monitor's alert settings (read on first use) and a
/// rule's GUID and category. Monitors and rules are found by <c>Pack!Id</c> (a compiled workflow's id) or by their
/// element ID alone (a state change's monitor id); an element ID two packs define resolves to the first pack.
/// </summary>
internal sealed class AlertDefinitions
{
    private readonly PackSet _packs;
    private readonly FrozenDictionary<string, ResolvedElement<MonitorElement>> _monitors;
    private readonly FrozenDictionary<string, ResolvedElement<Rule>> _rules;
    private readonly Dictionary<string, MonitorAlertDefinition?> _monitorAlerts = new(StringComparer.Ordinal);

    public AlertDefinitions(PackSet packs)
    {
        _packs = packs;
        _monitors = packs.All<MonitorElement>().DistinctBy(m => m.Element.Id, StringComparer.Ordinal).ToFrozenDictionary(m => m.Element.Id, StringComparer.Ordinal);
        _rules = packs.All<Rule>().DistinctBy(r => r.Element.Id, StringComparer.Ordinal).ToFrozenDictionary(r => r.Element.Id, StringComparer.Ordinal);
    }

    /// <summary>The element ID of <c>Pack!Id</c> or of an element ID alone.</summary>
    public static string ElementId(string workflowId) => workflowId[(workflowId.IndexOf('!', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// The alert settings of <paramref name="monitorId"/>; null for a monitor without them or one the pack set does not
    /// have. <paramref name="created"/> is true the first time a definition is read (to report its problems once).
    /// </summary>
    public MonitorAlertDefinition? ForMonitor(string monitorId, out bool created)
    {
        var id = ElementId(monitorId);
        created = false;
        if (_monitorAlerts.TryGetValue(id, out var known))
        {
            return known;
        }

        var definition = Find(_monitors, monitorId) is { } monitor ? MonitorAlertDefinition.For(monitor, _packs) : null;
        _monitorAlerts.Add(id, definition);
        created = true;
        return definition;
    }

    /// <summary>The rule <paramref name="workflowId"/> names, or null when the pack set does not have it.</summary>
    public ResolvedElement<Rule>? ForRule(string workflowId) => Find(_rules, workflowId);

    private ResolvedElement<T>? Find<T>(FrozenDictionary<string, ResolvedElement<T>> byId, string reference) where T : ManagementPackElement
    {
        var bang = reference.IndexOf('!', StringComparison.Ordinal);
        if (bang < 0)
        {
            return byId.TryGetValue(reference, out var found) ? found : null;
        }

        return _packs[reference[..bang]] is { } pack && pack.ElementsById.GetValueOrDefault(reference[(bang + 1)..]) is T element
            ? new ResolvedElement<T>(pack, element)
            : null;
    }
}
