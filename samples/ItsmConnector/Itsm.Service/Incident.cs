namespace Itsm.Service;

/// <summary>An incident as the service answers it.</summary>
/// <param name="Id">Its number, <c>INC000123</c>.</param>
/// <param name="Title">What is wrong, in one line.</param>
/// <param name="Description">The details.</param>
/// <param name="Status">New, Active, Resolved or Closed.</param>
/// <param name="AssignedTo">Who works on it.</param>
/// <param name="AffectedCi">The configuration item it is about.</param>
/// <param name="SourceAlertId">The monitoring alert it was raised from, if any.</param>
/// <param name="ResolvedBy">Who resolved it, once it is resolved.</param>
/// <param name="ResolvedAt">When it was resolved (UTC).</param>
/// <param name="LastModified">When it last changed (UTC).</param>
/// <param name="Sequence">The service's change sequence at its last change: <c>GET /incidents?changedAfter=</c> compares with this.</param>
/// <param name="Comments">Its work log, oldest first.</param>
public sealed record Incident(
    string Id,
    string Title,
    string Description,
    IncidentStatus Status,
    string? AssignedTo,
    string? AffectedCi,
    string? SourceAlertId,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset LastModified,
    long Sequence,
    IReadOnlyList<IncidentComment> Comments)
{
    /// <summary>The incident template it was opened from.</summary>
    public string? Template { get; init; }

    /// <summary>Its classification (category).</summary>
    public string? Classification { get; init; }

    /// <summary>Low, Medium or High.</summary>
    public string? Urgency { get; init; }

    /// <summary>Low, Medium or High.</summary>
    public string? Impact { get; init; }

    /// <summary>The support group (tier queue) it goes to.</summary>
    public string? SupportGroup { get; init; }
}
