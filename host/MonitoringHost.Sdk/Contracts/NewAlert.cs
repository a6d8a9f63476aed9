namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// An alert to create (<c>POST /alerts</c>, the runbook "Create Alert" path) on the object
/// <see cref="MonitoringObjectId"/> or, when that is not given, the object at <see cref="ObjectPath"/>.
/// </summary>
/// <param name="Name">The alert's name.</param>
/// <param name="Severity">A severity name (<c>Error</c>) or number (<c>2</c>).</param>
/// <param name="MonitoringObjectId">The object it is about.</param>
/// <param name="ObjectPath">The path of the object it is about, instead of its id.</param>
/// <param name="Description">Its description.</param>
/// <param name="Priority">A priority name or number (default Normal).</param>
/// <param name="Owner">Its owner.</param>
/// <param name="TicketId">The ticket that tracks it.</param>
public sealed record NewAlert(
    string Name,
    string Severity,
    Guid? MonitoringObjectId = null,
    string? ObjectPath = null,
    string? Description = null,
    string? Priority = null,
    string? Owner = null,
    string? TicketId = null) : AlertCustomFields
{
    /// <summary>Its category (as rules give theirs: <c>Custom</c>, <c>Operations</c>…); none by default.</summary>
    public string? Category { get; init; }
}
