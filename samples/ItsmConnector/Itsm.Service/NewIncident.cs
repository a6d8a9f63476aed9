namespace Itsm.Service;

/// <summary>An incident to open (<c>POST /incidents</c>).</summary>
/// <param name="Title">What is wrong (required).</param>
/// <param name="Description">The details.</param>
/// <param name="AssignedTo">Who works on it.</param>
/// <param name="AffectedCi">The configuration item it is about.</param>
/// <param name="SourceAlertId">The monitoring alert it is raised from.</param>
/// <param name="By">Who opens it (default <c>api</c>).</param>
public sealed record NewIncident(string? Title, string? Description = null, string? AssignedTo = null, string? AffectedCi = null, string? SourceAlertId = null, string? By = null);
