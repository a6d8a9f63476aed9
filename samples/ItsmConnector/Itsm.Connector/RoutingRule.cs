namespace Itsm.Connector;

/// <summary>
/// One alert routing rule, as in Service Manager's Operations Manager Alert connector: a name, the incident template
/// for the alerts it matches, and what it matches, with the fields of a connector subscription. Every field given must
/// match (a list: any of its values); a rule with no field matches every alert. Evaluated on the alert record, in the
/// order of the rules: an alert takes the first rule it matches.
/// </summary>
/// <param name="Name">The rule's name (required, unique).</param>
/// <param name="Template">The incident template (required).</param>
/// <param name="Severities">Information, Warning, Error (Critical is Error).</param>
/// <param name="Priorities">Low, Normal, High.</param>
/// <param name="ResolutionStates">Resolution state codes, 0 to 255.</param>
/// <param name="Categories">Alert categories (any case).</param>
/// <param name="Classes">The class of the alert's object, as the alert names it (<c>monitoringClassId</c>).</param>
/// <param name="CustomFields">Custom field values: <c>{ "customField2": "Payroll" }</c>.</param>
/// <param name="Criteria">SCOM criteria over the alert's fields, as the API's <c>?criteria=</c> takes them.</param>
public sealed record RoutingRule(
    string? Name,
    IncidentTemplate? Template,
    IReadOnlyList<string>? Severities = null,
    IReadOnlyList<string>? Priorities = null,
    IReadOnlyList<int>? ResolutionStates = null,
    IReadOnlyList<string>? Categories = null,
    IReadOnlyList<string>? Classes = null,
    IReadOnlyDictionary<string, string>? CustomFields = null,
    string? Criteria = null);
