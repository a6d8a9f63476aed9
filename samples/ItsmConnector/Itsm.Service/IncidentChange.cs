namespace Itsm.Service;

/// <summary>A change to an incident (<c>PATCH /incidents/{id}</c>): only the fields given change.</summary>
/// <param name="Status">The new status.</param>
/// <param name="AssignedTo">The new assignee (an empty text clears it).</param>
/// <param name="Comment">A work log entry.</param>
/// <param name="By">Who makes the change (default <c>api</c>); the resolver when it resolves the incident.</param>
public sealed record IncidentChange(IncidentStatus? Status = null, string? AssignedTo = null, string? Comment = null, string? By = null);
