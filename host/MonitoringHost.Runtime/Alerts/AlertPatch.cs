using System.Collections.Immutable;

namespace MonitoringHost.Runtime.Alerts;

/// <summary>
/// A change to an alert (API.md <c>PATCH /alerts/{id}</c>). A null field is left as it is; an empty text clears
/// <see cref="Owner"/>, <see cref="TicketId"/> or a custom field. <see cref="CustomFields"/> is keyed by field number
/// (1–10). <see cref="Comment"/> goes into the history entry; a patch with only a comment adds a history entry and
/// changes no field. <see cref="ConnectorId"/> marks the alert for a connector (forwarding it by hand);
/// <see cref="Guid.Empty"/> releases it from the one it is marked for.
/// </summary>
public sealed record AlertPatch
{
    public int? ResolutionState { get; init; }

    public string? Owner { get; init; }

    public string? TicketId { get; init; }

    public ImmutableDictionary<int, string> CustomFields { get; init; } = ImmutableDictionary<int, string>.Empty;

    public Guid? ConnectorId { get; init; }

    public string? Comment { get; init; }
}
