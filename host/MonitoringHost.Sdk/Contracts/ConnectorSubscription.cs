namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// Which alerts a connector receives (<c>PUT /connectors/{id}/subscription</c>). An alert matches when it matches
/// every list given (any one entry of a list) and the criteria; a subscription with nothing given matches every
/// alert. Once an alert was handed to the connector, its later changes keep coming even when they no longer match
/// (its closing, above all). Alerts marked for the connector by hand (<c>connectorId</c>) come whatever this says.
/// </summary>
/// <param name="Groups">Objects (ids) the alert's object is, or is contained in: groups, computers, any container.</param>
/// <param name="Classes">Classes of the alert's object, with the classes derived from them.</param>
/// <param name="Severities">Information, Warning, Error.</param>
/// <param name="Priorities">Low, Normal, High.</param>
/// <param name="ResolutionStates">Resolution state codes.</param>
/// <param name="Categories">Alert categories (case-insensitive).</param>
/// <param name="Criteria">A criteria expression over the alert's fields, as <c>GET /alerts?criteria=</c> takes.</param>
/// <param name="ReceiveOwnChanges">Whether the connector also receives the changes it made itself (default false).</param>
public sealed record ConnectorSubscription(
    IReadOnlyList<Guid>? Groups = null,
    IReadOnlyList<string>? Classes = null,
    IReadOnlyList<string>? Severities = null,
    IReadOnlyList<string>? Priorities = null,
    IReadOnlyList<int>? ResolutionStates = null,
    IReadOnlyList<string>? Categories = null,
    string? Criteria = null,
    bool? ReceiveOwnChanges = null);
