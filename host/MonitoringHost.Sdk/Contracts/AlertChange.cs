namespace MonitoringHost.Sdk.Contracts;

/// <summary>
/// A change to an alert (<c>PATCH /alerts/{id}</c>, the patch of <c>POST /alerts:batchUpdate</c>): only the fields
/// given change. Closing (255) a monitor's alert does not reset the monitor.
/// </summary>
/// <param name="ResolutionState">The new resolution state (0 New, 255 Closed, 1–254 custom).</param>
/// <param name="Owner">The new owner.</param>
/// <param name="TicketId">The new ticket id.</param>
/// <param name="Comment">A comment kept in the alert's history.</param>
public sealed record AlertChange(int? ResolutionState = null, string? Owner = null, string? TicketId = null, string? Comment = null) : AlertCustomFields
{
    /// <summary>
    /// Marks the alert for this connector, which then receives its changes whatever its subscription says;
    /// <see cref="Guid.Empty"/> releases it. A connector's own key may mark alerts only for itself.
    /// </summary>
    public Guid? ConnectorId { get; init; }
}
