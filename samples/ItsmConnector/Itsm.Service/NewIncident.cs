namespace Itsm.Service;

/// <summary>An incident to open (<c>POST /incidents</c>).</summary>
/// <param name="Title">What is wrong (required).</param>
/// <param name="Description">The details.</param>
/// <param name="AssignedTo">Who works on it.</param>
/// <param name="AffectedCi">The configuration item it is about.</param>
/// <param name="SourceAlertId">The monitoring alert it is raised from.</param>
/// <param name="By">Who opens it (default <c>api</c>).</param>
/// <param name="Template">The incident template it is opened from.</param>
/// <param name="Classification">Its classification (category).</param>
/// <param name="Urgency">Low, Medium or High.</param>
/// <param name="Impact">Low, Medium or High.</param>
/// <param name="SupportGroup">The support group (tier queue) it goes to.</param>
public sealed record NewIncident(
    string? Title,
    string? Description = null,
    string? AssignedTo = null,
    string? AffectedCi = null,
    string? SourceAlertId = null,
    string? By = null,
    string? Template = null,
    string? Classification = null,
    string? Urgency = null,
    string? Impact = null,
    string? SupportGroup = null);
