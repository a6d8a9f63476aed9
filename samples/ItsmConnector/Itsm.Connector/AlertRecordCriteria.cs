using MonitoringHost.Runtime.Criteria;
using MonitoringHost.Sdk.Contracts;

namespace Itsm.Connector;

/// <summary>
/// SCOM criteria over an alert record as the connector receives it: the fields of <c>GET /api/v1/alerts</c>, the same
/// grammar as the server's (MonitoringHost.Runtime.Criteria), so that a routing rule's criteria read like a
/// subscription's. Custom resolution states are compared by code (the connector's key does not read their names).
/// </summary>
public static class AlertRecordCriteria
{
    private static readonly CriteriaEnum ResolutionStateNames = new([new("New", ResolutionStates.New), new("Closed", ResolutionStates.Closed)], 0, 255);

    public static CriteriaSchema<MonitoringAlert> Schema { get; } = new(
    [
        CriteriaField.Id<MonitoringAlert>("id", a => a.Id),
        CriteriaField.Text<MonitoringAlert>("name", a => a.Name),
        CriteriaField.Text<MonitoringAlert>("description", a => a.Description),
        CriteriaField.Enumeration<MonitoringAlert>("severity", AlertCriteria.Severities, a => (int)a.Severity),
        CriteriaField.Enumeration<MonitoringAlert>("priority", AlertCriteria.Priorities, a => (int)a.Priority),
        CriteriaField.Enumeration<MonitoringAlert>("resolutionState", ResolutionStateNames, a => a.ResolutionState),
        CriteriaField.Text<MonitoringAlert>("category", a => a.Category),
        CriteriaField.Id<MonitoringAlert>("monitoringObjectId", a => a.MonitoringObjectId),
        CriteriaField.Text<MonitoringAlert>("monitoringObjectDisplayName", a => a.MonitoringObjectDisplayName),
        CriteriaField.Text<MonitoringAlert>("monitoringObjectPath", a => a.MonitoringObjectPath),
        CriteriaField.Text<MonitoringAlert>("monitoringClassId", a => a.MonitoringClassId),
        CriteriaField.Flag<MonitoringAlert>("isMonitorAlert", a => a.IsMonitorAlert),
        CriteriaField.Text<MonitoringAlert>("ruleOrMonitorId", a => a.RuleOrMonitorId),
        CriteriaField.Id<MonitoringAlert>("problemId", a => a.ProblemId),
        CriteriaField.Number<MonitoringAlert>("repeatCount", a => a.RepeatCount),
        CriteriaField.Text<MonitoringAlert>("owner", a => a.Owner),
        CriteriaField.Text<MonitoringAlert>("ticketId", a => a.TicketId),
        CriteriaField.Text<MonitoringAlert>("context", a => a.Context),
        CriteriaField.Time<MonitoringAlert>("timeRaised", a => a.TimeRaised),
        CriteriaField.Time<MonitoringAlert>("timeAdded", a => a.TimeAdded),
        CriteriaField.Time<MonitoringAlert>("lastModified", a => a.LastModified),
        CriteriaField.Text<MonitoringAlert>("lastModifiedBy", a => a.LastModifiedBy),
        CriteriaField.Text<MonitoringAlert>("resolvedBy", a => a.ResolvedBy),
        .. Enumerable.Range(1, 10).Select(i => CriteriaField.Text<MonitoringAlert>(CustomFieldName(i), a => CustomField(a, i))),
    ]);

    /// <summary><c>customField1</c> … <c>customField10</c>.</summary>
    public static string CustomFieldName(int number) => "customField" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The alert's custom field <paramref name="number"/> (1 to 10); null when it has none.</summary>
    public static string? CustomField(MonitoringAlert alert, int number)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.GivenCustomFields().GetValueOrDefault(number);
    }
}
