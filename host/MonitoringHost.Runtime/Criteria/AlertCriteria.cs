using System.Collections.Immutable;
using MonitoringHost.Runtime.Alerts;

namespace MonitoringHost.Runtime.Criteria;

/// <summary>
/// The fields criteria over alerts name: the alert's API fields (API.md "Alerts", camelCase, any case accepted) and
/// SCOM's names where they differ (<c>MonitoringRuleId</c>, <c>MonitoringObjectName</c>, <c>MonitoringObjectFullName</c>).
/// Severity, priority and resolution state are enums: <c>Severity = 'Error'</c> and <c>Severity = 2</c> are the same.
/// The alert list and connector subscriptions filter with it.
/// </summary>
public static class AlertCriteria
{
    public static readonly CriteriaEnum Severities =
        new([new("Information", 0), new("Warning", 1), new("Error", 2), new("Critical", 2)], 0, 2);

    public static readonly CriteriaEnum Priorities = CriteriaEnum.Sequence("Low", "Normal", "High");

    /// <summary>The schema with the fixed resolution states only (New 0, Closed 255).</summary>
    public static CriteriaSchema<Alert> Schema() => Schema([]);

    /// <summary>The schema whose resolution state names are <paramref name="states"/> (with New and Closed).</summary>
    public static CriteriaSchema<Alert> Schema(IEnumerable<ResolutionState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var names = states.Select(s => KeyValuePair.Create(s.Code == Alert.New ? "New" : s.Code == Alert.Closed ? "Closed" : s.Name, s.Code))
            .Concat([new("New", Alert.New), new("Closed", Alert.Closed)])
            .DistinctBy(s => s.Key, StringComparer.OrdinalIgnoreCase);
        var resolutionStates = new CriteriaEnum(names, Alert.New, Alert.Closed);
        var ruleOrMonitor = CriteriaField.Text<Alert>("ruleOrMonitorId", a => a.RuleOrMonitorId);
        var objectName = CriteriaField.Text<Alert>("monitoringObjectDisplayName", a => a.MonitoringObjectDisplayName);
        var fields = new List<CriteriaField<Alert>>
        {
            CriteriaField.Id<Alert>("id", a => a.Id),
            CriteriaField.Text<Alert>("name", a => a.Name),
            CriteriaField.Text<Alert>("description", a => a.Description),
            CriteriaField.Enumeration<Alert>("severity", Severities, a => a.Severity),
            CriteriaField.Enumeration<Alert>("priority", Priorities, a => a.Priority),
            CriteriaField.Enumeration<Alert>("resolutionState", resolutionStates, a => a.ResolutionState),
            CriteriaField.Text<Alert>("category", a => a.Category),
            CriteriaField.Id<Alert>("monitoringObjectId", a => a.MonitoringObjectId),
            objectName,
            objectName.Alias("MonitoringObjectName"),
            CriteriaField.Text<Alert>("monitoringObjectPath", a => a.MonitoringObjectPath),
            CriteriaField.Text<Alert>("MonitoringObjectFullName", a => $"{a.MonitoringClassId}:{a.MonitoringObjectPath}"),
            CriteriaField.Text<Alert>("monitoringClassId", a => a.MonitoringClassId),
            CriteriaField.Flag<Alert>("isMonitorAlert", a => a.IsMonitorAlert),
            ruleOrMonitor,
            ruleOrMonitor.Alias("MonitoringRuleId"),
            CriteriaField.Id<Alert>("problemId", a => a.ProblemId),
            CriteriaField.Number<Alert>("repeatCount", a => a.RepeatCount),
            CriteriaField.Text<Alert>("owner", a => a.Owner),
            CriteriaField.Text<Alert>("ticketId", a => a.TicketId),
            CriteriaField.Text<Alert>("context", a => a.Context),
            CriteriaField.Time<Alert>("timeRaised", a => a.TimeRaised),
            CriteriaField.Time<Alert>("timeAdded", a => a.TimeAdded),
            CriteriaField.Time<Alert>("lastModified", a => a.LastModified),
            CriteriaField.Text<Alert>("lastModifiedBy", a => a.LastModifiedBy),
            CriteriaField.Time<Alert>("timeResolved", a => a.TimeResolved),
            CriteriaField.Text<Alert>("resolvedBy", a => a.ResolvedBy),
            CriteriaField.Id<Alert>("connectorId", a => a.ConnectorId),
            CriteriaField.Number<Alert>("version", a => a.Version),
        };
        fields.AddRange(Enumerable.Range(0, 10).Select(i => CriteriaField.Text<Alert>($"customField{i + 1}", a => CustomField(a.CustomFields, i))));
        return new CriteriaSchema<Alert>(fields);
    }

    private static string? CustomField(ImmutableArray<string?> fields, int index) => index < fields.Length ? fields[index] : null;
}
