namespace Itsm.Connector;

/// <summary>An incident as the ITSM service answers it (the fields the connector uses).</summary>
public sealed record ItsmIncident(
    string Id,
    string Title,
    string Description,
    string Status,
    string? AssignedTo,
    string? AffectedCi,
    string? SourceAlertId,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset LastModified,
    long Sequence)
{
    /// <summary>Resolved or closed: done, as far as the alert is concerned.</summary>
    public bool IsResolved => Status is "Resolved" or "Closed";
}
