namespace Itsm.Connector;

/// <summary>An incident as the ITSM service answers it: the fields the connector uses (the others are not read).</summary>
/// <param name="Id">Its number.</param>
/// <param name="Status">New, Active, Resolved or Closed.</param>
/// <param name="AssignedTo">Who works on it.</param>
/// <param name="SourceAlertId">The alert it was raised from.</param>
/// <param name="ResolvedBy">Who resolved it.</param>
/// <param name="Sequence">The service's change sequence at its last change.</param>
public sealed record ItsmIncident(string Id, string Status, string? AssignedTo, string? SourceAlertId, string? ResolvedBy, long Sequence)
{
    /// <summary>Resolved or closed: done, as far as the alert is concerned.</summary>
    public bool IsResolved => Status is "Resolved" or "Closed";
}
